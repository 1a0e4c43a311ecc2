/*
 * The floor of this design: a plain C Lambda Runtime API loop over one
 * reused libcurl handle, echoing each event back. Same curl options as the
 * Swift runtime (keep-alive, TCP_NODELAY, no proxy, no Expect: 100-continue).
 *
 * Build: cc -O2 -o c_runtime c_runtime.c -lcurl
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
    char *data;
    size_t length;
    size_t capacity;
    char request_id[256];
};

static size_t on_body(char *chunk, size_t size, size_t count, void *userdata) {
    struct buffer *buffer = userdata;
    size_t length = size * count;
    if (buffer->length + length + 1 > buffer->capacity) {
        size_t capacity = (buffer->length + length + 1) * 2;
        char *grown = realloc(buffer->data, capacity);
        if (!grown) return 0;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, chunk, length);
    buffer->length += length;
    return length;
}

static size_t on_header(char *line, size_t size, size_t count, void *userdata) {
    struct buffer *buffer = userdata;
    size_t length = size * count;
    static const char name[] = "lambda-runtime-aws-request-id:";
    if (length > sizeof(name) - 1 && strncasecmp(line, name, sizeof(name) - 1) == 0) {
        size_t start = sizeof(name) - 1;
        while (start < length && line[start] == ' ') start++;
        size_t end = length;
        while (end > start && (line[end - 1] == '\r' || line[end - 1] == '\n')) end--;
        size_t id_length = end - start < sizeof(buffer->request_id) - 1 ? end - start : sizeof(buffer->request_id) - 1;
        memcpy(buffer->request_id, line + start, id_length);
        buffer->request_id[id_length] = 0;
    }
    return length;
}

static void common_options(CURL *curl, const char *url) {
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(curl, CURLOPT_PROXY, "");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
}

int main(void) {
    const char *api = getenv("AWS_LAMBDA_RUNTIME_API");
    if (!api) return 2;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *curl = curl_easy_init();
    char next_url[512], post_url[1024];
    snprintf(next_url, sizeof(next_url), "http://%s/2018-06-01/runtime/invocation/next", api);
    struct buffer event = {0};
    struct buffer ignored = {0};
    struct curl_slist *headers = curl_slist_append(NULL, "Expect:");
    headers = curl_slist_append(headers, "Content-Type: application/json");
    for (;;) {
        event.length = 0;
        event.request_id[0] = 0;
        common_options(curl, next_url);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &event);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &event);
        if (curl_easy_perform(curl) != CURLE_OK) return 1;
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        if (status < 200 || status > 299) return status == 500 ? 0 : 1;

        snprintf(post_url, sizeof(post_url), "http://%s/2018-06-01/runtime/invocation/%s/response", api, event.request_id);
        ignored.length = 0;
        common_options(curl, post_url);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)event.length);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, event.data ? event.data : "");
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ignored);
        if (curl_easy_perform(curl) != CURLE_OK) return 1;
    }
}

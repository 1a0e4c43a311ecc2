// Typed wrappers around libcurl's variadic entry points.
//
// Swift cannot call C variadic functions such as `curl_easy_setopt` and
// `curl_easy_getinfo`, so each argument type we use gets its own
// `static inline` wrapper. Nothing here allocates or keeps state.
#ifndef PURPOSEPATH_CCURL_SHIM_H
#define PURPOSEPATH_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*ccurl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

/// `CURLOPT_TRAILERFUNCTION`: appends trailer fields to `*list`; returns `CURL_TRAILERFUNC_OK`.
typedef int (*ccurl_trailer_callback)(struct curl_slist **list, void *userdata);

static inline CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_callback(CURL *handle, CURLoption option, ccurl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_trailer_callback(CURL *handle, ccurl_trailer_callback value) {
    return curl_easy_setopt(handle, CURLOPT_TRAILERFUNCTION, value);
}

/// `CURL_TRAILERFUNC_OK` and `CURL_TRAILERFUNC_ABORT` are macros Swift does not import.
static inline int ccurl_trailerfunc_ok(void) { return CURL_TRAILERFUNC_OK; }
static inline int ccurl_trailerfunc_abort(void) { return CURL_TRAILERFUNC_ABORT; }

/// `CURL_READFUNC_ABORT` is a macro Swift does not import.
static inline size_t ccurl_readfunc_abort(void) { return CURL_READFUNC_ABORT; }

static inline CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/// `CURL_GLOBAL_DEFAULT` is a macro Swift does not import.
static inline CURLcode ccurl_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

#endif

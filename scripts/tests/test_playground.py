"""The playground page `coaching-dev serve` answers at `/`, driven in headless
Chromium by selenium the way a developer uses it: sign in with a development
token, pick a topic, edit the business context, chat (suggestion chips
included), watch phase and progress move, confirm, and find the conversation
in the list. Leaves a screenshot in .build/artifacts/playground.png."""

from __future__ import annotations

import json
import os
import pathlib
import re
import secrets
import shutil
import subprocess
import tempfile
import threading
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]
COACHING_DEV = pathlib.Path(os.environ.get("COACHING_DEV", REPO / ".build" / "debug" / "coaching-dev"))
ARTIFACTS = pathlib.Path(os.environ.get("TEST_ARTIFACTS", REPO / ".build" / "artifacts"))


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: apt-get install chromium chromium-driver (scripts/install-deps.sh)")
    return path


@pytest.fixture(scope="module")
def server():
    if not COACHING_DEV.exists():
        pytest.fail(f"{COACHING_DEV} is missing: build it first (swift build)")
    with tempfile.TemporaryDirectory(prefix="playground-") as data:
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("CONVERSATIONS_TABLE", "COACHING_SESSIONS_TABLE", "JWT_SECRET_ARN", "JWT_ISSUER",
                                    "JWT_AUDIENCE", "CORS_ALLOWED_ORIGINS")}
        environment.update(JWT_SECRET="playground-" + secrets.token_hex(16), COACHING_DATA_DIR=data, LLM_PROVIDER="offline")
        process = subprocess.Popen([str(COACHING_DEV), "serve", "--port", "0"], env=environment,
                                   stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        port = None
        for line in process.stderr:
            match = re.search(r'"port":(\d+)', line)
            if match:
                port = int(match.group(1))
                break
        assert port, "coaching-dev serve did not report its port"
        log: list[str] = []
        threading.Thread(target=lambda: log.extend(process.stderr), daemon=True).start()
        token = subprocess.run([str(COACHING_DEV), "token", "--user", "dana", "--tenant", "acme"], env=environment,
                               capture_output=True, text=True, check=True).stdout.strip()
        yield {"url": f"http://127.0.0.1:{port}/", "token": token, "log": log}
        process.send_signal(2)
        assert process.wait(timeout=30) == 0


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = _tool("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(_tool("chromedriver")), options=options)
    yield driver
    driver.quit()


def test_page_is_self_contained_and_locked_to_this_api(server):
    import urllib.request
    with urllib.request.urlopen(server["url"], timeout=10) as response:
        policy = response.headers["content-security-policy"]
        page = response.read().decode()
        assert response.headers["content-type"].startswith("text/html")
    assert "connect-src 'self'" in policy and "default-src 'none'" in policy
    # No third-party code and no other network: no external script, style, font or image.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "innerHTML" not in page


def test_a_conversation_through_the_page(server, browser):
    started = time.monotonic()
    wait = WebDriverWait(browser, 20)
    browser.get(server["url"])
    browser.find_element(By.ID, "token").send_keys(server["token"])
    browser.find_element(By.ID, "sign-in").click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "signed-in-as"), "signed in as dana in acme"))

    Select(browser.find_element(By.ID, "topic")).select_by_value("core_values")
    context = browser.find_element(By.ID, "context")
    context.clear()
    context.send_keys(json.dumps({"user": {"id": "dana", "name": "Dana Reyes", "email": "dana@example.com"}}))
    browser.find_element(By.ID, "start").click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "messages"), "Hi Dana Reyes."))
    assert browser.find_element(By.ID, "phase").text == "introduction"

    def send(text: str) -> None:
        count = len(browser.find_elements(By.CSS_SELECTOR, ".message.assistant"))
        box = browser.find_element(By.ID, "message-input")
        box.send_keys(text)
        browser.find_element(By.ID, "send").click()
        wait.until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".message.assistant")) > count)

    send("Honesty with customers matters more to us than any single sale.")
    assert browser.find_element(By.ID, "phase").text == "exploration"
    progress = float(browser.find_element(By.ID, "progress").get_attribute("value"))
    assert progress == pytest.approx(0.3)
    chips = browser.find_elements(By.CSS_SELECTOR, "#suggestions .chip")
    assert chips, "the coach's suggestions show as chips"
    chips[0].click()
    assert browser.find_element(By.ID, "message-input").get_attribute("value") == chips[0].text
    browser.find_element(By.ID, "message-input").clear()
    send("We once turned down a big order because the deadline meant cutting corners on safety.")
    send("Looking after the team is the other thing we never trade away.")

    assert browser.find_element(By.ID, "message-input").is_enabled()
    browser.find_element(By.ID, "confirm").click()
    wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "completed"))
    assert not browser.find_element(By.ID, "send").is_enabled()

    browser.find_element(By.ID, "list").click()
    wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#conversations tr"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#conversations tr")
    assert len(rows) == 1 and "Core values" in rows[0].text and "completed" in rows[0].text
    rows[0].find_element(By.TAG_NAME, "button").click()
    wait.until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".message")) == 7)
    assert browser.find_element(By.ID, "error").text == ""

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "playground.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors
    print(f"\nplayground browser test: {time.monotonic() - started:.2f} s, screenshot {shot}")

"""Take the README's pictures from the demo: log in as a demo user and
screenshot Odoo pages in Debian's headless Chromium.

    .venv/bin/python scripts/screenshots.py http://localhost:8069 docs/img \
        admin:/web#action=hr_bagalau.hr_bagalau_campaign_action:campaigns ...

Each shot is LOGIN:PATH:NAME; the picture is DIR/NAME.png. Run it against
`make run`; it talks only to that server and to the Chromium it starts.
"""

import base64
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import requests
import websocket

WIDTH, HEIGHT = 1440, 900
DATABASE = os.environ.get("DB_NAME", "bagalau")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session_id(base_url, login):
    session = requests.Session()
    response = session.post(
        f"{base_url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": DATABASE, "login": login, "password": login}},
        timeout=30,
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise SystemExit(f"cannot log in as {login}: {response.json()['error']['data']['message']}")
    return session.cookies["session_id"]


class Chromium:
    def __init__(self):
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            raise SystemExit("Debian's chromium is not installed: apt-get install chromium")
        self.port = free_port()
        self.profile = tempfile.mkdtemp(prefix="bagalau-shots-")
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--remote-debugging-port={self.port}", f"--user-data-dir={self.profile}",
             f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for _attempt in range(50):
            try:
                pages = requests.get(f"http://127.0.0.1:{self.port}/json", timeout=2).json()
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        else:
            raise SystemExit("chromium did not start")
        page = next(target for target in pages if target["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def shoot(self, base_url, session, path, target):
        self.call("Network.enable")
        self.call("Network.setCookie", name="session_id", value=session, url=base_url)
        self.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1,
                  mobile=False)
        self.call("Page.navigate", url=base_url + path)
        time.sleep(6)  # the web client loads its assets and the view
        data = self.call("Page.captureScreenshot", format="png")["data"]
        target.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.process.terminate()
        shutil.rmtree(self.profile, ignore_errors=True)


def main(base_url, out_dir, *shots):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    browser = Chromium()
    try:
        for shot in shots:
            login, path, name = shot.split(":", 2)
            browser.call("Network.clearBrowserCookies")
            browser.shoot(base_url, session_id(base_url, login), path, out / f"{name}.png")
            sys.stdout.write(f"{out / name}.png\n")
    finally:
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])

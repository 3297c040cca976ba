"""Debian's Chromium and ChromeDriver for the browser test: found, or installed with apt-get (as root,
unless KG_BROWSER_INSTALL=0), or the test is skipped saying why. The install took 1 min 33 s here
(apt-get update included; the three packages take about 380 MB installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1280,1000")


def _present() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def ensure_chromium() -> str | None:
    """None when Chromium and ChromeDriver are there (installing them if allowed), else why not."""
    if _present():
        return None
    if os.environ.get("KG_BROWSER_INSTALL", "1") == "0":
        return "Chromium is not installed and KG_BROWSER_INSTALL=0 forbids installing it"
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return "Chromium is not installed: run `apt-get install chromium chromium-driver` as root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"])
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, env=env, timeout=1200)
        if done.returncode != 0:
            return f"installing Chromium failed ({' '.join(step)}): {done.stderr.strip()[-300:]}"
    return None if _present() else "apt-get installed chromium but /usr/bin/chromium or chromedriver is missing"

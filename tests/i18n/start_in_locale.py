#!/usr/bin/python3
"""The app starts in a locale, offscreen, loads that language's translation and saves a screenshot.

usage: start_in_locale.py STEMCRATE LOCALE OUT_DIR   (LOCALE like ja_JP; the screenshot goes to
OUT_DIR/i18n-LOCALE.png, where a person can check the glyphs)
"""

import os
import subprocess
import sys
import tempfile


def main():
    app, locale, out_dir = sys.argv[1:4]
    language = locale.split("_")[0]
    screenshot = os.path.join(out_dir, f"i18n-{locale}.png")
    if os.path.exists(screenshot):
        os.remove(screenshot)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, LC_ALL=f"{locale}.UTF-8", LANG=f"{locale}.UTF-8", LANGUAGE=language,
                   QT_QPA_PLATFORM="offscreen", HOME=home, XDG_CACHE_HOME=os.path.join(home, "cache"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_STATE_HOME=os.path.join(home, "state"))
        run = subprocess.run([app, "--no-download", "--screenshot", screenshot], env=env, capture_output=True,
                             text=True, timeout=100)
    output = run.stdout + run.stderr
    if run.returncode != 0:
        print(f"{locale}: the app exited with {run.returncode}:\n{output}", file=sys.stderr)
        return 1
    if f"interface language: {language}" not in output:
        print(f"{locale}: the {language} translation was not loaded:\n{output}", file=sys.stderr)
        return 1
    if not os.path.exists(screenshot) or os.path.getsize(screenshot) == 0:
        print(f"{locale}: no screenshot was saved:\n{output}", file=sys.stderr)
        return 1
    print(f"{locale}: started in {language}, screenshot {screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

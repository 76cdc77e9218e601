#!/usr/bin/env python3
"""The UI strings live in src/CommitteeCloud.Web/Resources/Ui.resx (Vietnamese, the neutral culture) and Ui.en.resx.
Both files are the source; this script keeps them side by side so the two languages never drift apart:

  scripts/strings.py check                      # both files hold the same keys (a unit test checks it too)
  scripts/strings.py add KEY "tiếng Việt" "English"   # appends a key to both files
"""
import html, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
folder = os.path.join(here, "..", "src", "CommitteeCloud.Web", "Resources")
files = {"vi": os.path.join(folder, "Ui.resx"), "en": os.path.join(folder, "Ui.en.resx")}

def keys(path):
    return re.findall(r'<data name="([^"]+)"', open(path, encoding="utf-8").read())

def check():
    vi, en = keys(files["vi"]), keys(files["en"])
    problems = [f"only in Ui.resx: {k}" for k in sorted(set(vi) - set(en))] + [f"only in Ui.en.resx: {k}" for k in sorted(set(en) - set(vi))]
    problems += [f"twice in {name}: {k}" for name, ks in (("Ui.resx", vi), ("Ui.en.resx", en)) for k in sorted({k for k in ks if ks.count(k) > 1})]
    print("\n".join(problems) or f"{len(vi)} keys, the same in both files")
    return 1 if problems else 0

def add(key, vi, en):
    if key in keys(files["vi"]) or key in keys(files["en"]):
        sys.exit(f"{key} already exists")
    for path, value in ((files["vi"], vi), (files["en"], en)):
        text = open(path, encoding="utf-8").read()
        entry = f'  <data name="{html.escape(key)}" xml:space="preserve"><value>{html.escape(value, quote=False)}</value></data>\n'
        open(path, "w", encoding="utf-8").write(text.replace("</root>", entry + "</root>", 1))
    return check()

if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "check": sys.exit(check())
    if len(sys.argv) == 5 and sys.argv[1] == "add": sys.exit(add(*sys.argv[2:]))
    sys.exit(__doc__)

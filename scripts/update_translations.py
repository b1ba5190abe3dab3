"""Refresh the interface translations from the sources, or check that they are complete.

    python scripts/update_translations.py          # run pyside6-lupdate over ui/, fill the English forms
    python scripts/update_translations.py --check  # exit 1 if a string is missing or untranslated
    python scripts/update_translations.py --build  # compile the .qm files (lrelease)

``resources/i18n/jiaokan_zh_CN.ts`` is edited by translators (Qt Linguist or by hand);
``jiaokan_en.ts`` is generated: the source strings themselves, with singular and
plural forms for the messages that count something (``%n``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")


def lupdate_command() -> list[str]:
    import PySide6  # noqa: TID251 (a build script of the Qt layer)

    folder = Path(PySide6.__file__).parent
    for name in ("lupdate", "lupdate.exe", "Qt/libexec/lupdate"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found (install PySide6-Essentials)")
    return [found]


def sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "ui").rglob("*.py"))


def run_lupdate(ts_files: list[Path]) -> None:
    command = [*lupdate_command(), *sources(), "-no-obsolete", "-locations", "none", "-ts", *map(str, ts_files)]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True)


def english_forms(source: str) -> tuple[str, str]:
    """Singular and plural of an English ``%n`` message written in the plural."""
    if "(s)" in source:
        return source.replace("(s)", ""), source.replace("(s)", "s")
    words = source.split(" ")
    for i, word in enumerate(words):
        if word.startswith("%n") and i + 1 < len(words) and words[i + 1].endswith("s"):
            singular = [*words]
            singular[i + 1] = words[i + 1][:-1]
            return " ".join(singular), source
        if word.startswith("%n") and word.endswith("s") and len(word) > 3:
            return source.replace(word, word[:-1], 1), source
    return source, source


def fill_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
    write_ts(tree, ts)


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def problems(language: str = "zh_CN") -> list[str]:
    """Strings in the sources missing from the committed ``.ts``, or left untranslated."""
    committed = I18N / f"jiaokan_{language}.ts"
    if not committed.is_file():
        return [f"{committed} is missing"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / committed.name
        run_lupdate([fresh])
        wanted = set(messages(fresh))
    have = messages(committed)
    found = [f"not in {committed.name}: [{c}] {s!r}" for c, s in sorted(wanted - set(have))]
    for key in sorted(wanted & set(have)):
        translation = have[key].find("translation")
        forms = [] if translation is None else [f.text for f in translation.iter("numerusform")] or [translation.text]
        unfinished = translation is None or translation.get("type") == "unfinished" or not all(forms)
        if unfinished:
            found.append(f"untranslated in {committed.name}: [{key[0]}] {key[1]!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()
    if args.check:
        found = [p for lang in LANGUAGES for p in problems(lang)]
        print("\n".join(found) or "translations complete")
        return 1 if found else 0
    if args.build:
        sys.path.insert(0, str(REPO))
        from ui.i18n import build_all

        for qm in build_all():
            print("built", qm.relative_to(REPO))
        return 0
    I18N.mkdir(parents=True, exist_ok=True)
    run_lupdate([I18N / f"jiaokan_{lang}.ts" for lang in LANGUAGES])
    fill_english(I18N / "jiaokan_en.ts")
    for lang in LANGUAGES:
        print(f"updated resources/i18n/jiaokan_{lang}.ts")
    return 0


if __name__ == "__main__":
    sys.exit(main())

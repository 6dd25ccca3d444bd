"""The Chinese catalogues are complete and current: every string translated, placeholders kept,
the compiled .qm and .mo made from the sources in the repository.

When one of these fails after you changed a visible string: run `make translations`,
translate what it lists, run it again, commit the four files (docs/languages.md).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from app import i18n
from app.i18n import _
from models.enums import ReportKind
from resources import update_translations as catalogue

PLACEHOLDER = re.compile(r"\{\w*(?:[:!][^{}]*)?\}|%\d")  # {name}, {value:+.2f}, %1; not "{{ or }}"


def test_every_qt_string_is_translated_and_the_ts_file_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "iad_zh_CN.ts"
    shutil.copy(catalogue.TS_FILE, fresh)
    catalogue.run_lupdate(fresh)
    committed = {(c, s): (t, k) for c, s, t, k in catalogue.qt_messages(catalogue.TS_FILE)}
    current = {(c, s): (t, k) for c, s, t, k in catalogue.qt_messages(fresh)}
    new = sorted(f"[{c}] {s!r}" for c, s in current.keys() - committed.keys())
    gone = sorted(f"[{c}] {s!r}" for c, s in committed.keys() - current.keys())
    assert not new and not gone, ("resources/translations/iad_zh_CN.ts is out of date; run `make translations`.\n"
                                  "New strings:\n  " + "\n  ".join(new) + "\nRemoved strings:\n  " + "\n  ".join(gone))
    unfinished = sorted(f"[{c}] {s!r}" for (c, s), (t, k) in current.items() if k or not t)
    assert not unfinished, "Untranslated in iad_zh_CN.ts:\n  " + "\n  ".join(unfinished)


def test_every_gettext_string_is_translated_and_the_po_file_is_current() -> None:
    committed = catalogue.read_catalog(catalogue.PO_FILE)
    wanted = {message.id for message in catalogue.gettext_template() if message.id}
    have = {message.id for message in committed if message.id}
    assert not wanted - have, ("resources/locale/zh_CN/LC_MESSAGES/iad.po is out of date; run `make translations`."
                               "\nNew strings:\n  " + "\n  ".join(sorted(map(repr, wanted - have))))
    assert not have - wanted, "Strings no longer in the source; run `make translations`:\n  " + "\n  ".join(
        sorted(map(repr, have - wanted)))
    untranslated = catalogue.untranslated_po(committed)
    assert not untranslated, "Untranslated in iad.po:\n  " + "\n  ".join(map(repr, untranslated))


def test_translations_keep_every_placeholder() -> None:
    pairs = [(s, t) for _c, s, t, _k in catalogue.qt_messages(catalogue.TS_FILE)]
    pairs += [(m.id, m.string) for m in catalogue.read_catalog(catalogue.PO_FILE) if m.id]
    broken = [f"{s!r} → {t!r}" for s, t in pairs if sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t))]
    assert not broken, "Placeholders differ between the English and the Chinese:\n  " + "\n  ".join(broken)


def test_the_compiled_files_are_made_from_the_committed_sources(tmp_path: Path) -> None:
    qm = tmp_path / "iad_zh_CN.qm"
    catalogue.run_lrelease(catalogue.TS_FILE, qm)
    assert qm.read_bytes() == catalogue.QM_FILE.read_bytes(), "iad_zh_CN.qm is stale; run `make translations`"
    assert catalogue.mo_bytes(catalogue.read_catalog(catalogue.PO_FILE)) == catalogue.MO_FILE.read_bytes(), \
        "iad.mo is stale; run `make translations`"


@pytest.fixture
def chinese_messages() -> object:
    yield i18n.install_language("zh_CN")
    i18n.install_language("en")


def test_messages_enum_labels_and_dates_follow_the_language(chinese_messages: object) -> None:
    from datetime import date, datetime

    assert _("Choose at least one partner university.") == "请至少选择一所合作院校。"
    assert ReportKind.INNOVATION_PROPOSAL.label == "创新方案"
    assert i18n.date_with_weekday(date(2026, 10, 15)) == "2026年10月15日 周四"
    assert i18n.moment_with_weekday(datetime(2026, 10, 15, 14, 0)) == "2026年10月15日 周四 14:00"
    i18n.install_language("en")
    assert ReportKind.INNOVATION_PROPOSAL.label == "Innovation proposal"
    assert i18n.date_with_weekday(date(2026, 10, 15)) == "Thu 15 Oct 2026"


def test_a_module_constant_is_translated_when_shown(chinese_messages: object) -> None:
    from app.topics.records import proposals

    assert "{label}".format(label=proposals.label) == "专题申报"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "zh_TW.UTF-8"}, "zh_CN"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:zh_CN", "LANG": "fr_FR.UTF-8"}, "zh_CN"),
])
def test_until_one_is_chosen_the_language_follows_the_system(environ: dict[str, str], expected: str) -> None:
    assert i18n.resolve_language("", environ) == expected
    assert i18n.resolve_language("en", environ) == "en"
    assert i18n.resolve_language("zh_CN", {"LANG": "en_US.UTF-8"}) == "zh_CN"


def test_the_command_line_speaks_the_systems_language(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    monkeypatch.setenv("LANGUAGE", "zh_CN")
    database = tmp_path / "x.sqlite3"
    try:
        assert main(["--database", str(database), "db", "upgrade"]) == 0
        assert main(["--database", str(database), "db", "info"]) == 0
        assert "的结构版本为" in capsys.readouterr().out
        assert main(["--database", str(database), "export", "roster", "--semester", "2099 Fall",
                     "-o", str(tmp_path / "r.xlsx")]) == 1
        error = capsys.readouterr().err
        assert error.startswith("iad-workshops: ") and re.search(r"[\u4e00-\u9fff]", error), error
    finally:
        i18n.install_language("en")


def test_qt_strings_are_looked_up_where_lupdate_files_them() -> None:
    """lupdate files `self.tr()` under the class and a bare `tr()` under the empty context; a string
    translated through another object (`window.tr()`) or a context of one's own is never found."""
    wrong = []
    for path in sorted(Path("ui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\b(?!self\b)\w+\.tr\(", line) or re.search(r"translate\(\s*[\"'][^\"']", line):
                wrong.append(f"{path}:{number}: {line.strip()}")
    assert not wrong, ("Use self.tr() in a widget's own methods, else tr() from ui/widgets/translation.py:\n  "
                       + "\n  ".join(wrong))


def test_enum_labels_follow_a_language_chosen_before_the_models_loaded() -> None:
    import subprocess
    import sys

    script = ("import sys; from app.i18n import install_language; install_language('zh_CN'); "
              "assert 'models.enums' not in sys.modules; "
              "from models.enums import ReportKind; print(ReportKind.RESEARCH_REPORT.label)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "研究报告"


def test_a_message_names_the_field_and_the_duration_in_chinese(chinese_messages: object) -> None:
    from app.planning.zones import format_duration
    from app.records import humanise

    assert humanise("starts_on") == "开始日期"
    assert format_duration(165) == "2 小时 45 分钟"
    assert "{field}为必填项。".format(field=humanise("title")) == "标题为必填项。"

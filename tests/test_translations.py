"""The Traditional Chinese interface: every string translated, and none left in English."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

import visible_text
from helpers import tiny_digits
from qt_helpers import train

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "tfdesk_zh_TW.ts"
QM = TS.with_suffix(".qm")
SOURCES = sorted(str(p) for folder in ("tfdesk/gui", "tfdesk/core") for p in (ROOT / folder).rglob("*.py"))

# Names a Chinese interface keeps: products, APIs, TensorFlow's own op and function
# names, units and keys. Everything else with Latin letters is English left behind.
KEPT = re.compile(r"""
    tfdesk-train|tfdesk-server|tfdesk|TensorFlow|SSH|grpc://\S*|PySide6|Qt|Python|numpy|scikit-learn|NVIDIA|nvidia-smi|CUDA|WSL2|
    GPUs?|CPU|MiB|Adam|Adagrad|RMSProp|Nesterov|ReLU|relu|elu|tanh|sigmoid|softplus|linear|
    softmax|Session|TensorBoard|tensorboard|--\w+|tf\.[\w.]+|\.meta|\.index|PNG|CSV|JSON|npz|IDX|English|
    Ctrl|Shift|Alt|Esc|Enter|Return|Ins|Del|\b[xywb]\b|mini-batch|loss|
    \w*[\d_]\w*   # identifiers such as weight1, hidden_layer, CUDA_VISIBLE_DEVICES
""", re.X)


def _tool(name):
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else shutil.which(name)


def _messages(ts: Path) -> dict:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name"), m.findtext("source")): m.find("translation")
            for context in root.iter("context") for m in context.iter("message")}


@pytest.fixture(scope="module")
def committed():
    return _messages(TS)


def test_every_string_in_the_code_has_a_finished_translation(tmp_path, committed):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *SOURCES, "-ts", str(fresh)], check=True,
                   capture_output=True)
    in_code = _messages(fresh)
    assert len(in_code) > 300
    missing = [key for key in in_code
               if key not in committed or not (committed[key].text or "").strip()
               or committed[key].get("type") in ("unfinished", "vanished", "obsolete")]
    assert not missing, f"{len(missing)} untranslated; run scripts/update_translations.py: {missing[:5]}"


def _fields(text):
    return sorted(re.findall(r"\{[^{}]*\}", text))  # with their format: {size:,} and {name!r} too


def _mnemonics(text):
    return len(re.findall(r"&(?!&|[a-z]+;|#)", text.replace("&&", "")))


def _tags(text):
    return sorted(re.findall(r"</?\w+\s*/?>", text))


def test_translations_keep_placeholders_shortcut_letters_and_markup(committed):
    wrong = []
    for (context, source), translation in committed.items():
        text = translation.text or ""
        for check in (_fields, _mnemonics, _tags):
            if check(source) != check(text):
                wrong.append((context, source, text, check.__name__))
    assert not wrong, wrong[:5]


def test_the_compiled_translation_is_up_to_date(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True,
                   capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run scripts/update_translations.py"


@pytest.mark.parametrize("locale, expected", [
    ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_Hant_MO", "zh_TW"),
    ("zh_CN", "en"), ("en_US", "en"), ("de_DE", "en"),
])
def test_the_language_follows_the_system(locale, expected):
    from tfdesk.gui.language import system_language

    assert system_language(QLocale(locale)) == expected


def test_the_language_menu_stores_the_choice_for_the_next_start(qtbot, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from tfdesk.gui import language

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    said = []
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = language.menu(window, settings, said.append)
    chinese = next(a for a in menu.actions() if a.text() == "繁體中文")
    chinese.trigger()
    assert settings.value("language") == "zh_TW"
    assert language.effective(settings) == "zh_TW"
    assert said and "starts again" in said[0]


def _english_left(texts):
    left = set()
    for text in texts:
        stripped = KEPT.sub("", re.sub(r"<[^>]+>|&\w+;|\S*/\S+", "", text))  # markup, paths
        if re.search(r"[A-Za-z]{2,}", stripped):
            left.add(text)
    return sorted(left)


@pytest.fixture
def chinese_window(qtbot, tmp_path):
    from tfdesk.gui import language
    from tfdesk.gui.main_window import MainWindow

    app = QApplication.instance()
    translators = language.install(app, "zh_TW")
    assert len(translators) == 2  # tfdesk's and Qt's own
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    w = MainWindow(experiment=tiny_digits(epochs=1), settings=settings,
                   data_folder=str(tmp_path / "data"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.tensorflow_version is not None, timeout=120_000)
    yield w
    language.uninstall(app, translators)


def test_in_traditional_chinese_no_english_is_left_on_screen(qtbot, chinese_window):
    w = chinese_window
    assert w.menuBar().actions()[0].text() == "檔案(&F)"
    assert train(qtbot, w) == "finished"
    with qtbot.waitSignal(w.worker.evaluated, timeout=60_000):
        w.evaluate_action.trigger()
    w.show_race()
    w.show_code()
    w.show_about()
    qtbot.wait(200)

    texts = []
    for top in QApplication.topLevelWidgets():
        if top.isVisible() or top is w:
            texts += visible_text.texts(top)
    # The graph inspector lists TensorFlow's op names, and the code view shows code.
    # The experiment's name is the student's to choose, like a file name.
    tree = w.inspector.tree
    headers = {tree.headerItem().text(c) for c in range(tree.columnCount())}
    ops = set(visible_text.texts(tree)) - headers  # the column headers are the window's words
    left = _english_left(t.replace(w.experiment.name, "") for t in texts if t not in ops)
    assert not left, "\n".join(left)


def test_the_chinese_window_says_core_errors_in_chinese(qtbot, chinese_window, tmp_path, monkeypatch):
    """The core raises its errors in English (the CLI prints them as they are); the window
    translates them: a checkpoint refused on the worker thread, and a data file's problem,
    a sentence inside a sentence, when Start reads the file."""
    w = chinese_window
    not_a_checkpoint = tmp_path / "notes"
    not_a_checkpoint.mkdir()
    with qtbot.waitSignal(w.worker.failed, timeout=60_000):
        w.restore_weights(str(not_a_checkpoint))
    qtbot.waitUntil(lambda: str(not_a_checkpoint) in getattr(w, "last_message", ""), timeout=5_000)
    said = [w.last_message]

    broken = tmp_path / "broken.csv"
    broken.write_text("1,2,3\n" * 5 + "4,x,6\n" + "7,8,9\n" * 10)
    monkeypatch.setattr(w, "_ask_open_path", lambda *a: str(broken))
    w.data_choice.setCurrentIndex(w.data_choice.findData("file"))
    w.data_choice.activated.emit(w.data_choice.currentIndex())
    with qtbot.waitSignal(w.worker.failed, timeout=60_000):
        w.start_action.trigger()
    qtbot.waitUntil(lambda: str(broken) in w.last_message, timeout=5_000)
    said.append(w.last_message)

    assert "檢查點" in said[0] and "第 6 列第 2 欄" in said[1], said
    assert not _english_left(said), said


CORE_ERRORS = {"TfdeskError", "SpecError", "DataFileError", "CheckpointError", "TrainingError",
               "NothingDrawn"}


def test_every_core_error_message_is_a_template_marked_for_translation():
    """An f-string or a plain string given to a core error would reach the Chinese window
    in English: a message is QT_TRANSLATE_NOOP("core", template), with its fields apart."""
    import ast

    unmarked = []
    for path in sorted((ROOT / "tfdesk" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in CORE_ERRORS):
                continue
            at = 1 if node.func.id == "DataFileError" else 0
            message = node.args[at] if len(node.args) > at else None
            if isinstance(message, (ast.Constant, ast.JoinedStr, ast.BinOp)):
                unmarked.append(f"{path.name}:{node.lineno}")
    assert not unmarked, unmarked


def test_a_core_error_keeps_its_english_and_translates_field_by_field():
    import pickle

    from tfdesk.core.errors import CheckpointError, DataFileError
    from tfdesk.core.i18n import Joined, Words, render

    problem = Words("row {row}, column {column}: {text!r} is not a number", row=6, column=2, text="x")
    error = CheckpointError("{path}: {problem}", path="/d/a.csv",
                            problem=DataFileError("/d/a.csv", "several: {list}",
                                                  list=Joined("; ", [problem, "plain"])))
    assert str(error) == ("/d/a.csv: /d/a.csv: several: row 6, column 2: 'x' is not a number; "
                          "plain")
    marked = render(error, lambda context, template: f"<{context}:{template}>")
    assert marked == ("<core:/d/a.csv: <core:/d/a.csv: <core:several: <core:row 6, column 2: 'x' "
                      "is not a number>; plain>>>")
    # A translation that lost a field says the English rather than failing.
    assert render(problem, lambda context, template: "第 {line} 列") == str(problem)
    copy = pickle.loads(pickle.dumps(error))  # as a graph's child process sends it
    assert (type(copy), str(copy), copy.template) == (CheckpointError, str(error), error.template)
    assert str(CheckpointError("a {brace} without fields")) == "a {brace} without fields"


def test_the_chinese_window_fits_a_1400_pixel_screen_whole(qtbot, chinese_window):
    """Longer words once made the experiment panel scroll sideways and put the bars
    under the canvas (a wide "mini-batch" choice in the Training tab)."""
    from PySide6.QtWidgets import QBoxLayout

    w = chinese_window
    w.resize(1400, 860)
    qtbot.waitUntil(lambda: w.width() == 1400)
    w.size_docks()
    qtbot.wait(100)
    assert not w.experiment_dock.widget().horizontalScrollBar().isVisible()
    assert w.draw._row.direction() == QBoxLayout.LeftToRight  # the bars beside the canvas

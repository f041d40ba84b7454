"""Translations: the shipped Chinese .ts/.qm, installing them, the Language menu, lupdate help."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QMessageBox, QWidget

import playground.ui.main_window as main_window_module
from playground.ui import create_main_window
from playground.ui.i18n import (
    LANGUAGES,
    TRANSLATIONS_DIR,
    active_language,
    current_language,
    engine_templates,
    install_translator,
    language_menu,
    remove_translators,
    set_language,
    spell_out_contexts,
    system_language,
)

TS = TRANSLATIONS_DIR / "playground_zh_CN.ts"
QM = TRANSLATIONS_DIR / "playground_zh_CN.qm"
CJK = re.compile(r"[\u4e00-\u9fff]")
# {0}, {name}, {p:,}, {2:.1f}; Qt's %1 and %n.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d+")


def _messages() -> Iterator[tuple[str, str, str]]:
    """(context, source, translation) of every live message in the .ts."""
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            yield name, message.findtext("source") or "", translation.text or ""


def _accelerators(text: str) -> int:
    """How many '&X' keyboard accelerators `text` has ('&&' and HTML entities are not)."""
    text = re.sub(r"&&|&[a-zA-Z]+;|&#\d+;", "", text)
    return text.count("&")


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app(qtbot) -> Iterator[QApplication]:
    """The test QApplication; any translation installed by a test is removed afterwards."""
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    remove_translators(instance)


# --- the shipped files ------------------------------------------------------------------------
def test_qm_exists_and_loads() -> None:
    assert QM.is_file() and TS.is_file()
    translator = QTranslator()
    assert translator.load(str(QM))
    assert not translator.isEmpty()
    assert translator.language() == "zh_CN"


def test_ts_has_every_message_translated() -> None:
    messages = list(_messages())
    assert len(messages) > 400
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8")
    empty = [(c, s) for c, s, t in messages if not t.strip()]
    assert not empty, empty
    # Nearly all are Chinese; the rest are names and formulas kept as they are ("Playground").
    chinese = sum(1 for _c, _s, t in messages if CJK.search(t))
    assert chinese > 0.95 * len(messages)


def test_translations_keep_placeholders_and_accelerators() -> None:
    for context, source, translation in _messages():
        where = f"{context}: {source!r} -> {translation!r}"
        assert set(PLACEHOLDER.findall(source)) == set(PLACEHOLDER.findall(translation)), where
        assert _accelerators(source) == _accelerators(translation), where
        assert source.count("\n") == translation.count("\n"), where


def test_developer_comments_do_not_reach_the_translators() -> None:
    """lupdate takes `#:` for a translator's note; our `#:` comments document constants."""
    from playground.ui.i18n import hide_doc_comments

    source = 'X = 1\n    #: the side\nlabel = tr("stroke")  #: not at a line start\n'
    hidden = hide_doc_comments(source)
    assert hidden == 'X = 1\n    #  the side\nlabel = tr("stroke")  #: not at a line start\n'
    assert "<extracomment>" not in TS.read_text(encoding="utf-8")


def test_no_message_lacks_a_context() -> None:
    """lupdate cannot see through `tr = self.tr` or `_tr()` helpers; --update spells them out."""
    contexts = {context for context, _s, _t in _messages()}
    assert "" not in contexts
    assert {"TrainingPanel", "CanvasTeaching", "LayerPalette", "DrawPad"} <= contexts


# --- installing -------------------------------------------------------------------------------
def test_install_translator_translates_and_removes(app: QApplication) -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert install_translator(app, "zh_CN")
    assert active_language() == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    # Contexts lupdate could not infer by itself (a `tr = self.tr` alias, a `_tr()` helper).
    assert QCoreApplication.translate("TrainingPanel", "Start") == "开始"
    assert QCoreApplication.translate("CanvasCommands", "Load network") == "载入网络"
    remove_translators(app)
    assert active_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_chinese_text_is_drawn_in_a_simplified_chinese_face(app: QApplication) -> None:
    """Qt's own fallback chose Noto Sans CJK JP on Linux: 直 真 值 化 in their Japanese forms."""
    from PySide6.QtGui import QFontDatabase, QFontInfo

    from playground.ui.i18n import CHINESE_FAMILIES

    installed = [name for name in CHINESE_FAMILIES if name in QFontDatabase.families()]
    if not installed:
        pytest.skip("no Simplified Chinese font installed")
    plain = app.font()
    assert install_translator(app, "zh_CN")
    assert app.font().families()[1:] == installed[:1]
    assert QFontInfo(app.font()).family() == QFontInfo(plain).family()  # Latin keeps its face
    remove_translators(app)
    assert app.font() == plain


def test_english_installs_nothing(app: QApplication) -> None:
    assert not install_translator(app, "en")
    assert active_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_main_window_in_chinese(app: QApplication, qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(main_window_module, "DEFAULT_MODEL", tmp_path / "absent.npz")
    assert install_translator(app, "zh_CN")
    window = create_main_window(settings=_settings(tmp_path), warm_up=False, load_dataset=False)
    qtbot.addWidget(window)
    assert window.file_menu.title() == "文件(&F)"
    titles = [a.text() for a in window.menuBar().actions()]
    assert all(CJK.search(t) for t in titles), titles
    # The layer palette's strings go through a module `_tr()` helper (context LayerPalette).
    palette = window.findChild(QListWidget, "layerPalette")
    assert palette is not None
    texts = {palette.item(i).text() for i in range(palette.count())}
    assert {"层", "全连接", "卷积", "最大池化"} <= texts, texts
    train = window.findChild(QWidget, "trainButton")  # once the training dock is wired in
    assert train is None or train.text() == "开始"
    assert window.model_label.text() == "模型：无"
    # The presets' descriptions (English in their JSON) are their menu's tooltips, translated.
    tips = {n: a.toolTip() for n, a in window.network_panel.preset_actions.items()}
    assert tips and all(CJK.search(tip) for tip in tips.values()), tips
    assert tips["nielsen-mlp"].startswith("第 1 章")
    # Both cost combos (the canvas inspector's and the training panel's) show the same Chinese
    # names and keep the engine's keys as their data.
    combos = [window.findChild(QComboBox, name) for name in ("costCombo", "inspectorCostCombo")]
    assert None not in combos and combos[0] is not combos[1]
    for combo in combos:
        items = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        assert items == [
            ("二次代价", "quadratic"),
            ("交叉熵", "cross-entropy"),
            ("对数似然（softmax）", "log-likelihood"),
        ]
    window.close()


def _bad_groups_spec() -> dict:
    """A conv layer whose groups (3) divide neither its 1 input channel nor its 20 filters."""
    return {
        "input": [1, 28, 28],
        "layers": [
            {"type": "conv", "filters": 20, "kernel": 5, "groups": 3},
            {"type": "dense", "units": 10, "activation": "softmax"},
        ],
    }


def test_every_engine_error_template_is_in_the_ts() -> None:
    """A new SpecError/DataError template without `i18n --update` would stay English."""
    engine = {source for context, source, _t in _messages() if context == "EngineMessages"}
    templates = set(engine_templates())
    assert len(templates) > 30
    assert templates <= engine, sorted(templates - engine)


def test_engine_templates_are_the_literal_messages_only(tmp_path) -> None:
    (tmp_path / "mod.py").write_text(
        "from playground.errors import DataError, SpecError\n"
        "import playground.errors as errors\n"
        "def f(n):\n"
        "    raise SpecError('{name}: too big', 2, name=n)\n"
        "def g(n):\n"
        "    raise errors.DataError('empty ' 'file')\n"
        "def h(n):\n"
        "    raise DataError(f'{n} images')\n"
        "def k(n):\n"
        "    raise ValueError('not ours')\n",
        encoding="utf-8",
    )
    assert engine_templates(tmp_path) == ["{name}: too big", "empty file"]


def test_engine_errors_speak_the_interface_language(
    app: QApplication, qtbot, tmp_path, monkeypatch
) -> None:
    from playground.engine.spec import infer
    from playground.errors import SpecError
    from playground.ui.names import error_text

    with pytest.raises(SpecError) as caught:
        infer(_bad_groups_spec())
    english = str(caught.value)
    assert "groups=3 must divide in_channels=1 and filters=20" in english
    assert error_text(caught.value) == english  # no translator: the engine's own words
    monkeypatch.setattr(main_window_module, "DEFAULT_MODEL", tmp_path / "absent.npz")
    assert install_translator(app, "zh_CN")
    assert error_text(caught.value) == (
        "conv1：groups=3 必须同时整除输入通道数 in_channels=1 和滤波器数 filters=20；"
        "请从 1 和 20 的公约数中选择 groups"
    )
    window = create_main_window(settings=_settings(tmp_path), warm_up=False, load_dataset=False)
    qtbot.addWidget(window)
    panel = window.network_panel
    panel.set_spec(_bad_groups_spec())
    model = panel.model
    assert model.error is not None
    bad = model.nodes[model.error.layer_index]
    assert model.state(bad.id).error == error_text(caught.value)  # the block's own fault text
    window.close()


def test_english_fragments_inside_engine_messages_are_translated(
    app: QApplication, tmp_path
) -> None:
    """A layer's number, a file's role and a data type are Phrases: Chinese inside Chinese."""
    from playground.data import load_idx_folder, read_idx
    from playground.engine.spec import infer
    from playground.errors import DataError, Phrase, SpecError
    from playground.ui.names import error_text

    spec = {"input": [784], "layers": [{"type": "dense", "units": 10}, 5], "cost": "quadratic"}
    with pytest.raises(SpecError) as bad_layer:
        infer(spec)
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError) as no_files:
        load_idx_folder(tmp_path / "empty")
    truncated = tmp_path / "short-idx3-ubyte"
    truncated.write_bytes(bytes([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28]) + b"x" * 10)
    with pytest.raises(DataError) as short:
        read_idx(truncated)
    english = [str(e.value) for e in (bad_layer, no_files, short)]
    assert "layer 2: a layer must be an object" in english[0]
    assert "training images file not found" in english[1]
    assert "(2x28x28 unsigned byte)" in english[2]
    assert Phrase("layer {number}", number=2) == "layer 2"  # the English text is the str itself
    assert install_translator(app, "zh_CN")
    chinese = [error_text(e.value) for e in (bad_layer, no_files, short)]
    assert chinese[0].startswith("第 2 层："), chinese[0]
    assert "训练图像" in chinese[1], chinese[1]
    assert "2x28x28 个无符号字节" in chinese[2], chinese[2]
    fragments = ("layer 2", "training images", "unsigned byte")
    for text, fragment in zip(chinese, fragments, strict=True):
        assert fragment not in text, text


def test_a_corrupt_model_is_explained_in_chinese(
    app: QApplication, qtbot, tmp_path, monkeypatch
) -> None:
    """DataError templates too, with a nested engine error translated inside its parent."""
    from playground.engine import Network, load_preset

    monkeypatch.setattr(main_window_module, "DEFAULT_MODEL", tmp_path / "absent.npz")
    assert install_translator(app, "zh_CN")
    window = create_main_window(settings=_settings(tmp_path), warm_up=False, load_dataset=False)
    qtbot.addWidget(window)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a model")
    assert not window.open_model(garbage)
    assert window.error_dialog is not None
    text = window.error_dialog.text()
    assert "garbage.npz：不是可读取的 Playground 模型文件" in text, text
    assert "not a readable" not in text
    # A model whose stored spec the engine refuses: the file error and the spec error inside it.
    broken = tmp_path / "broken.npz"
    Network.from_spec(load_preset("nielsen-mlp"), seed=0).save(broken)
    with np.load(broken) as data:
        arrays = {key: data[key] for key in data.files}
    arrays["__spec__"] = np.array(json.dumps(_bad_groups_spec()))
    np.savez(broken, **arrays)
    assert not window.open_model(broken)
    text = window.error_dialog.text()
    assert "broken.npz：文件中保存的网络无效：conv1：groups=3 必须同时整除" in text, text
    window.close()


# --- the chosen language ----------------------------------------------------------------------
def test_language_setting(tmp_path) -> None:
    settings = _settings(tmp_path)
    assert current_language(settings) == system_language() in LANGUAGES
    set_language(settings, "zh_CN")
    assert current_language(_settings(tmp_path)) == "zh_CN"
    set_language(settings, "en")
    assert current_language(settings) == "en"
    settings.setValue("ui/language", "klingon")
    assert current_language(settings) == system_language()
    with pytest.raises(ValueError, match="klingon"):
        set_language(settings, "klingon")


def test_language_menu_stores_the_choice(app: QApplication, qtbot, tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = _settings(tmp_path)
    set_language(settings, "en")
    menu = language_menu(parent, settings)
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == set(LANGUAGES)
    assert [a.text() for a in menu.actions()] == list(LANGUAGES.values())
    assert actions["en"].isChecked() and not actions["zh_CN"].isChecked()
    actions["zh_CN"].trigger()
    assert current_language(settings) == "zh_CN"
    assert actions["zh_CN"].isChecked() and not actions["en"].isChecked()
    assert len(shown) == 1 and "简体中文" in shown[0] and "next time" in shown[0]
    actions["en"].trigger()  # back to the running language: nothing to restart for
    assert current_language(settings) == "en" and len(shown) == 1


def test_a_language_that_cannot_be_saved_says_so_and_offers_no_restart(
    app: QApplication, qtbot, tmp_path, monkeypatch
) -> None:
    # With a read-only config folder, "Restart now?" came back in the old language, though
    # the message had said the new one was saved.
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    restarted: list[bool] = []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")  # the settings file's folder is a file
    settings = QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert set_language(settings, "zh_CN") is False
    menu = language_menu(parent, settings, lambda: restarted.append(True))
    next(a for a in menu.actions() if a.data() == "zh_CN").trigger()
    assert restarted == [] and len(warned) == 1 and "could not save" in warned[0]


def test_language_menu_checks_the_language_in_use(app: QApplication, qtbot, tmp_path) -> None:
    # PLAYGROUND_LANG=zh_CN runs Chinese over a saved English: the menu says what is shown.
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = _settings(tmp_path)
    set_language(settings, "en")
    assert install_translator(app, "zh_CN")
    try:
        menu = language_menu(parent, settings)
        assert [a.data() for a in menu.actions() if a.isChecked()] == ["zh_CN"]
    finally:
        remove_translators(app)


# --- refreshing -------------------------------------------------------------------------------
def test_spell_out_contexts_gives_lupdate_the_runtime_context() -> None:
    source = (
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n"
        '    return QCoreApplication.translate("Helper", text)\n'
        "class Panel:\n"
        "    def build(self, pad: DrawPad):\n"
        "        tr = self.tr\n"
        '        a = tr("alias")\n'
        '        b = _tr("helper")\n'
        '        c = pad.tr("other")\n'
        "        d = f\"{self.tr('inside'):<9}\"\n"
        '        e = self.tr("plain")\n'
    )
    text, dynamic = spell_out_contexts(source)
    lines = text.splitlines()
    assert len(lines) == len(source.splitlines()) and dynamic == []
    assert 'QCoreApplication.translate("Panel", "alias")' in lines[6]
    assert 'QCoreApplication.translate("Helper", "helper")' in lines[7]
    assert 'QCoreApplication.translate("DrawPad", "other")' in lines[8]
    assert "QCoreApplication.translate('Panel', 'inside')" in lines[9]
    assert 'QCoreApplication.translate("Panel", "plain")' in lines[10]

"""Interface languages: load a translation at start-up, let the user pick one, refresh the files.

Every user-visible string in playground/ui goes through Qt's tr() (`self.tr(...)`, or
`QCoreApplication.translate(context, text)`), so a QTranslator loaded from
resources/translations/playground_<code>.qm translates the whole window. The language is read once,
when Playground starts: `current_language(settings)` (QSettings key "ui/language", else the
system's language) and `install_translator(app, code)`; the View menu's `language_menu()` stores a
new choice for the next start.

Refreshing the translations after UI strings change (run from anywhere, needs the PySide6 tools)::

    python -m playground.ui.i18n --update    # pyside6-lupdate: add new strings to the .ts files
    python -m playground.ui.i18n --release   # pyside6-lrelease: compile the .ts into .qm files

`--update` scans every .py under playground/ui and keeps the translations already made; new or
changed strings come in marked unfinished (open the .ts in Qt Linguist, or edit the XML, and drop
`type="unfinished"` once translated). Before lupdate reads the sources, calls whose context it
cannot see are spelled out as `QCoreApplication.translate("<context>", ...)` in a temporary copy
(lines unchanged): tr() through a local alias (`tr = self.tr`), module helpers such as
`_tr(text)` that call translate() with a fixed context, `pad.tr()` on an annotated parameter,
and tr() inside f-strings. So the .ts contexts are the ones Qt looks up at run time.
The engine's error templates (string literals given to SpecError / DataError anywhere in
playground, see `engine_templates`) join lupdate's input as "EngineMessages" entries, which
`playground.ui.names.error_text` looks up.
Commit both the .ts and the .qm: the app loads the .qm with no build step.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontDatabase, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from playground import RESOURCES

__all__ = [
    "LANGUAGES",
    "SETTINGS_KEY",
    "TRANSLATIONS_DIR",
    "active_language",
    "current_language",
    "install_translator",
    "language_menu",
    "remove_translators",
    "set_language",
    "use_chinese_glyphs",
]

#: Language code -> its name in that language (as the Language menu shows it).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
#: The QSettings key that stores the chosen language code.
SETTINGS_KEY = "ui/language"
#: Where playground_<code>.ts (source) and playground_<code>.qm (compiled) live.
TRANSLATIONS_DIR = RESOURCES / "translations"
#: The package whose sources hold the translatable strings.
UI_DIR = Path(__file__).resolve().parent

#: Simplified Chinese faces, the first installed one backing the UI font in Chinese: left to
#: itself Qt fell back to Noto Sans CJK JP on Linux, whose 直 真 值 化 are the Japanese forms.
CHINESE_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)

# Translators we installed, kept referenced so Python does not collect them while Qt uses them.
_installed: list[QTranslator] = []
_active = "en"
# The application font before a Chinese face was added to it (restored with English).
_plain_font: QFont | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("LanguageMenu", text)


def system_language() -> str:
    """The language to use when none is chosen: Chinese on a Chinese system, else English."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def current_language(settings: QSettings) -> str:
    """The chosen language code from `settings`, else the system's (see `system_language`)."""
    value = settings.value(SETTINGS_KEY, "")
    code = str(value) if value else ""
    return code if code in LANGUAGES else system_language()


def set_language(settings: QSettings, code: str) -> bool:
    """Store `code` as the language for the next start; unknown codes are a ValueError.
    False when the settings could not be written (a read-only config folder)."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; expected one of {', '.join(LANGUAGES)}")
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()
    return settings.status() == QSettings.Status.NoError


def active_language() -> str:
    """The language installed by the last `install_translator` call ("en" before any)."""
    return _active


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall every translator `install_translator` put on `app` (back to English)."""
    global _active, _plain_font
    while _installed:
        app.removeTranslator(_installed.pop())
    _active = "en"
    if _plain_font is not None and isinstance(app, QGuiApplication):
        app.setFont(_plain_font)
    _plain_font = None


def use_chinese_glyphs(app: QGuiApplication) -> str | None:
    """Back the UI font with the first installed face of CHINESE_FAMILIES, so Chinese text
    shows the simplified forms; returns that face (None when none is installed)."""
    global _plain_font
    installed = set(QFontDatabase.families())
    family = next((name for name in CHINESE_FAMILIES if name in installed), None)
    if family is None:
        return None
    font = app.font()
    if _plain_font is None:
        _plain_font = QFont(font)
    # The face Latin text really gets: a generic name ("Sans Serif") heading the list would
    # match nothing, and the Chinese face would draw the Latin text too.
    font.setFamilies([QFontInfo(font).family(), family])
    app.setFont(font)
    return family


def install_translator(app: QCoreApplication, code: str) -> bool:
    """Translate `app` into `code`: Playground's strings and Qt's own (standard buttons).

    Replaces any translation installed before. Returns True if Playground's translation loaded;
    "en" (the source language) installs nothing and returns False.
    """
    global _active
    remove_translators(app)
    if code == "en" or code not in LANGUAGES:
        return False
    ours = QTranslator(app)
    loaded = ours.load(f"playground_{code}", str(TRANSLATIONS_DIR))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
        _active = code
        if code == "zh_CN" and isinstance(app, QGuiApplication):
            use_chinese_glyphs(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    return loaded


def _ask_restart(parent: QWidget, text: str) -> bool:
    """Ask whether to restart now for a new language; True for Restart now (tests replace it)."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Language"), text, parent=parent)
    box.setObjectName("restartForLanguage")
    now = box.addButton(_tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.exec()
    return box.clickedButton() is now


def language_menu(
    parent: QWidget, settings: QSettings, restart: Callable[[], object] | None = None
) -> QMenu:
    """A Language menu: one checkable action per language; a choice applies at the next start,
    which `restart` (when given) offers to make right away."""
    menu = QMenu(_tr("&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    chosen = active_language()  # the one in use (PLAYGROUND_LANG may override the saved one)
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)

    def chosen_language(action: QAction) -> None:
        code = str(action.data())
        saved = set_language(settings, code)
        if code == active_language():
            return
        if not saved:  # a restart would come back in the old language, said to be saved
            QMessageBox.warning(
                parent,
                _tr("Language"),
                _tr(
                    "Playground could not save the language in its settings file ({path}): "
                    "{language} cannot take effect at the next start. Is the folder "
                    "read-only? PLAYGROUND_LANG=zh_CN chooses Chinese for one run."
                ).format(path=settings.fileName(), language=LANGUAGES[code]),
            )
            return
        if restart is None:
            QMessageBox.information(
                parent,
                _tr("Language"),
                _tr("{language} takes effect the next time Playground starts.").format(
                    language=LANGUAGES[code]
                ),
            )
        elif _ask_restart(
            parent,
            _tr("{language} takes effect when Playground restarts. Restart now?").format(
                language=LANGUAGES[code]
            ),
        ):
            restart()

    group.triggered.connect(chosen_language)
    return menu


# ================================================================================ refreshing
class _ContextFinder(ast.NodeVisitor):
    """Find tr() calls lupdate cannot attribute and the translate() spelling that fixes them."""

    def __init__(self) -> None:
        self.helpers: dict[str, str] = {}  # module function name -> its fixed context
        self.classes: list[str] = []
        self.scopes: list[tuple[dict[str, str], dict[str, str]]] = []  # (aliases, annotations)
        self.rewrites: list[tuple[ast.Call, str]] = []  # call -> context
        self.extras: list[tuple[ast.JoinedStr, str, ast.Call]] = []  # tr() inside f-strings
        self.dynamic: list[int] = []  # lines of tr() calls whose text is not a literal

    def visit_Module(self, node: ast.Module) -> None:
        for item in node.body:
            context = _helper_context(item)
            if context is not None:
                self.helpers[item.name] = context  # type: ignore[union-attr]
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer_aliases, outer_annotations = self.scopes[-1] if self.scopes else ({}, {})
        aliases, annotations = dict(outer_aliases), dict(outer_annotations)
        for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            kind = _annotation_name(arg.annotation)
            if kind:
                annotations[arg.arg] = kind
        if self.classes:
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Assign)
                    and _is_self_tr(sub.value)
                    and all(isinstance(t, ast.Name) for t in sub.targets)
                ):
                    aliases.update({t.id: self.classes[-1] for t in sub.targets})  # type: ignore[attr-defined]
        self.scopes.append((aliases, annotations))
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call):
                context = self._context(sub)
                if context is not None and _literal(sub):
                    self.extras.append((node, context, sub))

    def visit_Call(self, node: ast.Call) -> None:
        context = self._context(node)
        if context is not None:
            if _literal(node):
                self.rewrites.append((node, context))
            else:
                self.dynamic.append(node.lineno)
        self.generic_visit(node)

    def _context(self, call: ast.Call) -> str | None:
        """The context Qt uses at run time for this tr()-like call, or None if it is not one."""
        func = call.func
        aliases, annotations = self.scopes[-1] if self.scopes else ({}, {})
        if isinstance(func, ast.Name):
            return aliases.get(func.id) or self.helpers.get(func.id)
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            if _is_self_tr(func) and self.classes:
                return self.classes[-1]
            if isinstance(func.value, ast.Name):
                return annotations.get(func.value.id)
        return None


def _is_self_tr(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "tr"
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def _literal(call: ast.Call) -> bool:
    first = call.args[0] if call.args else None
    return isinstance(first, ast.Constant) and isinstance(first.value, str)


def _annotation_name(node: ast.expr | None) -> str | None:
    """`pad: DrawPad` or `pad: "DrawPad"` -> "DrawPad"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.rsplit(".", 1)[-1] if node.value.isidentifier() else None
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _helper_context(node: ast.stmt) -> str | None:
    """The fixed context of `def _tr(text): return QCoreApplication.translate("Ctx", text)`."""
    if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
        return None
    body = [
        s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    ]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and len(call.args) == 2):
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    ctx, text = call.args
    if (
        name == "translate"
        and isinstance(ctx, ast.Constant)
        and isinstance(ctx.value, str)
        and isinstance(text, ast.Name)
        and text.id == node.args.args[0].arg
    ):
        return ctx.value
    return None


def hide_doc_comments(source: str) -> str:
    """The source with its `#:` comments (a constant's documentation) made plain `# `.

    lupdate reads `#:` as a note for the translator and hands it to the next message, wherever
    that is (the draw pad's sizes ended up on "stroke"); lines and columns stay where they are.
    """
    return re.sub(r"^([ \t]*)#:", r"\1# ", source, flags=re.MULTILINE)


def spell_out_contexts(source: str) -> tuple[str, list[int]]:
    """Rewrite tr()-like calls as QCoreApplication.translate("<context>", ...) for lupdate.

    Line numbers stay as they were, so the .ts locations point into the real file. Returns the
    rewritten text and the lines of tr() calls on non-literal text (lupdate cannot see those).
    """
    finder = _ContextFinder()
    finder.visit(ast.parse(source))
    lines = [line.encode() for line in source.splitlines(keepends=True)]
    edits: list[tuple[int, int, int, bytes]] = []  # (line index, start, end, replacement)
    for call, context in finder.rewrites:
        func = call.func
        if func.end_lineno != func.lineno:
            continue
        row = func.lineno - 1
        paren = lines[row].find(b"(", func.end_col_offset)  # type: ignore[arg-type]
        if paren < 0:
            continue
        spelled = f'QCoreApplication.translate("{context}", '.encode()
        edits.append((row, func.col_offset, paren + 1, spelled))
    for joined, context, call in finder.extras:
        text = call.args[0].value  # type: ignore[attr-defined]
        spelled = f" QCoreApplication.translate({context!r}, {text!r}) ".encode()
        row = joined.end_lineno - 1  # type: ignore[operator]
        at = joined.end_col_offset
        edits.append((row, at, at, spelled))  # type: ignore[arg-type]
    for row, start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[row] = lines[row][:start] + text + lines[row][end:]
    return b"".join(lines).decode(), finder.dynamic


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the Qt Linguist tools)")
    return path


def ts_files() -> list[Path]:
    """The translation sources, one per language other than English."""
    return [TRANSLATIONS_DIR / f"playground_{code}.ts" for code in LANGUAGES if code != "en"]


#: Exceptions whose literal first argument is an English template the interface translates.
_EXPLAINED_ERRORS = ("SpecError", "DataError", "Phrase")


def engine_templates(package: Path | None = None) -> list[str]:
    """Every literal message given to SpecError / DataError / Phrase under `package` (default:
    playground).

    Messages built with f-strings are not templates and are left out (they stay English).
    """
    root = package or UI_DIR.parent
    found: dict[str, None] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in _EXPLAINED_ERRORS and literal:
                found.setdefault(first.value, None)
    return list(found)


def _engine_messages_source() -> str:
    """A Python file lupdate reads: one literal translate() call per engine template, and one
    per shipped preset's description."""
    from playground.engine.spec import load_preset, preset_names
    from playground.ui.names import ENGINE_MESSAGES, PRESET_DESCRIPTIONS

    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for template in engine_templates():
        lines.append(f"QCoreApplication.translate({ENGINE_MESSAGES!r}, {template!r})")
    for name in preset_names():
        description = load_preset(name).get("description")
        if description:
            lines.append(f"QCoreApplication.translate({PRESET_DESCRIPTIONS!r}, {description!r})")
    return "\n".join(lines) + "\n"


def update() -> int:
    """Run pyside6-lupdate over playground/ui/**.py into the .ts files, keeping translations."""
    lupdate = _tool("pyside6-lupdate")
    root = UI_DIR.parent.parent  # the repository (its layout is mirrored in a temporary copy)
    sources = sorted(UI_DIR.rglob("*.py"))
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="playground-lupdate-") as tmp:
        mirror = Path(tmp)
        copies = []
        for path in sources:
            relative = path.relative_to(root)
            text = path.read_text(encoding="utf-8")
            try:
                text, dynamic = spell_out_contexts(text)
            except SyntaxError as error:  # mid-edit: lupdate still reads what it can
                print(f"warning: {relative}:{error.lineno}: {error.msg}; contexts not spelled out")
                dynamic = []
            for line in dynamic:
                print(f"note: {relative}:{line}: tr() of a non-literal text is not extracted")
            text = hide_doc_comments(text)
            copy = mirror / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(text, encoding="utf-8")
            copies.append(str(copy))
        engine_messages = mirror / "engine_messages.py"
        engine_messages.write_text(_engine_messages_source(), encoding="utf-8")
        copies.append(str(engine_messages))
        status = 0
        for ts in ts_files():
            ts_copy = mirror / ts.relative_to(root)
            ts_copy.parent.mkdir(parents=True, exist_ok=True)
            if ts.exists():
                shutil.copyfile(ts, ts_copy)
            code = ts.stem.removeprefix("playground_")
            command = [
                lupdate,
                "-locations",
                "absolute",
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                code,
                *copies,
                "-ts",
                str(ts_copy),
            ]
            status = subprocess.run(command, check=False).returncode or status
            if ts_copy.exists():
                shutil.copyfile(ts_copy, ts)
                unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
                print(f"{ts.relative_to(root)}: {unfinished} unfinished")
    return status


def release() -> int:
    """Run pyside6-lrelease: compile each .ts into the .qm the app loads."""
    lrelease = _tool("pyside6-lrelease")
    status = 0
    for ts in ts_files():
        command = [lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))]
        status = subprocess.run(command, check=False).returncode or status
    return status


def main(argv: list[str] | None = None) -> int:
    """Command line: --update and/or --release (see the module docstring)."""
    parser = argparse.ArgumentParser(
        prog="python -m playground.ui.i18n", description="Refresh Playground's translations."
    )
    parser.add_argument("--update", action="store_true", help="pyside6-lupdate into the .ts files")
    parser.add_argument("--release", action="store_true", help="pyside6-lrelease into .qm files")
    args = parser.parse_args(argv)
    if not (args.update or args.release):
        parser.error("give --update, --release or both")
    status = update() if args.update else 0
    if args.release:
        status = release() or status
    return status


if __name__ == "__main__":
    sys.exit(main())

"""The interface language: the system's, unless the student chose one
(View ▸ Language). Qt's own dialogs and buttons get Qt's translation too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ..resources import translations_dir

# Native names: a student who cannot read the current language can still find theirs.
LANGUAGES = {"en": "English", "zh_TW": "繁體中文"}
SETTING = "language"


def chosen(settings: QSettings) -> str:
    """"system", or one of LANGUAGES."""
    value = str(settings.value(SETTING, "system"))
    return value if value in LANGUAGES else "system"


def system_language(locale: QLocale | None = None) -> str:
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Chinese and (
            locale.script() == QLocale.TraditionalChineseScript
            or locale.territory() in (QLocale.Taiwan, QLocale.HongKong, QLocale.Macau)):
        return "zh_TW"
    return "en"


def effective(settings: QSettings) -> str:
    choice = chosen(settings)
    return system_language() if choice == "system" else choice


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Load tfdesk's and Qt's translations for language; English needs none.

    Returns the installed translators (keep them alive; remove them to undo).
    A missing .qm leaves the interface in English rather than failing the start.
    """
    if language == "en":
        return []
    installed = []
    for folder, name in ((str(translations_dir()), f"tfdesk_{language}"),
                         (QLibraryInfo.path(QLibraryInfo.TranslationsPath), f"qtbase_{language}")):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    if installed:
        QLocale.setDefault(QLocale(language))
    # The desktop's own file dialogs speak the system's language, not the one chosen
    # here (a zh_TW window got English "Look in:"): Qt's dialogs, translated, instead.
    app.setAttribute(Qt.AA_DontUseNativeDialogs, language != system_language())
    return installed


def uninstall(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
    app.setAttribute(Qt.AA_DontUseNativeDialogs, False)


def menu(parent: QWidget, settings: QSettings, on_message) -> QMenu:
    """View ▸ Language: System, English, 繁體中文. The choice applies at the next
    start (every open panel would otherwise need rebuilding mid-experiment)."""
    translate = QCoreApplication.translate
    languages = QMenu(translate("Language", "&Language"), parent)
    group = QActionGroup(languages)
    system_name = LANGUAGES[system_language()]
    choices = {"system": translate("Language", "System language ({0})").format(system_name), **LANGUAGES}
    for code, label in choices.items():
        action = languages.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == chosen(settings))
        action.setData(code)
        group.addAction(action)

    def choose(action) -> None:
        settings.setValue(SETTING, action.data())
        on_message(translate("Language", "The language changes when tfdesk starts again."))

    group.triggered.connect(choose)
    return languages

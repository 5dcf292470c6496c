"""The patient's language on the tablet, switched per patient (the desk's program speaks one
language per start; the tablet speaks the language each patient chooses on the first page).

The kiosk holds one translator of its own for the program's words; the checklist's texts
come in the chosen language from `screening.load_checklist(language=...)`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from intake.ui import i18n

ENGLISH = "en"
# Each in its own language, shown side by side before anyone has chosen: not translated.
CHOICES: tuple[tuple[str, str, str], ...] = (
    ("en", "English", "Welcome. Touch your language to begin."),
    ("es", "Español", "Bienvenido. Toque su idioma para empezar."),
)

_current: list[QTranslator] = []


def use(language: str) -> None:
    """Speak `language` from now on (English: the words as written)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    while _current:
        app.removeTranslator(_current.pop())
    if language == ENGLISH:
        return
    qm = i18n.compiled_qm(language)
    translator = QTranslator(app)
    if qm is not None and translator.load(str(qm)):
        app.installTranslator(translator)
        _current.append(translator)

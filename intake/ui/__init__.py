"""The GUI (PySide6)."""

from __future__ import annotations

from intake.ui.feature_scan import stop_source_scan

stop_source_scan()

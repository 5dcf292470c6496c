"""The Schedule area: location day view, therapist week view, actions, waitlist, live refresh."""

from __future__ import annotations

from intake.ui.schedule.page import SchedulePage

__all__ = ["SchedulePage"]

"""Booking from the intake: the slot finder, one key to book, and the confirmation."""

from __future__ import annotations

from intake.ui.booking.booking_panel import BookingPanel
from intake.ui.booking.confirmation import BookingConfirmation

__all__ = ["BookingConfirmation", "BookingPanel"]

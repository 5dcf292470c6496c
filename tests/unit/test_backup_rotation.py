"""Which backups rotation keeps (14 daily + 8 weekly by default), and the status line."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from intake.domain.backups import (
    BackupHealth,
    BackupState,
    RetentionPolicy,
    backups_to_keep,
    describe_state,
)

START = dt.datetime(2026, 1, 1)
times = st.lists(
    st.integers(0, 400 * 24 * 60).map(lambda m: START + dt.timedelta(minutes=m)), max_size=120
)
policies = st.builds(RetentionPolicy, st.integers(0, 20), st.integers(0, 12))


@settings(deadline=None)  # the machine is shared: time is not what is tested
@given(times, policies)
def test_keeps_at_most_the_configured_number_and_always_the_newest(backups, policy):
    kept = backups_to_keep(backups, policy)
    assert kept <= set(backups)
    assert len(kept) <= max(1, policy.daily + policy.weekly)
    if backups:
        assert max(backups) in kept


@settings(deadline=None)  # the machine is shared: time is not what is tested
@given(times, policies)
def test_rotation_is_stable(backups, policy):
    kept = backups_to_keep(backups, policy)
    assert backups_to_keep(kept, policy) == kept


@settings(deadline=None)  # the machine is shared: time is not what is tested
@given(times, policies)
def test_each_recent_day_and_week_keeps_its_newest_backup(backups, policy):
    kept = backups_to_keep(backups, policy)
    days = sorted({t.date() for t in backups}, reverse=True)[: policy.daily]
    for day in days:
        assert max(t for t in backups if t.date() == day) in kept
    weeks = sorted({t.isocalendar()[:2] for t in backups}, reverse=True)[: policy.weekly]
    for week in weeks:
        assert max(t for t in backups if t.isocalendar()[:2] == week) in kept


def test_a_month_of_four_backups_a_day_keeps_14_days_and_8_weeks():
    backups = [START + dt.timedelta(hours=6 * n) for n in range(4 * 90)]
    kept = backups_to_keep(backups, RetentionPolicy(daily=14, weekly=8))
    days = {t.date() for t in kept}
    assert len([d for d in days if d > (max(backups) - dt.timedelta(days=14)).date()]) == 14
    assert len({t.isocalendar()[:2] for t in kept}) == 8  # the daily ones share weeks
    assert len(kept) <= 22


NOW = dt.datetime(2026, 12, 2, 15, 0)


def state(**changes) -> BackupState:
    values = dict(configured=True, folder="/media/usb", folder_exists=True, last_good=None)
    values.update(changes)
    return BackupState(**values)


def test_status_line_for_each_state():
    good = describe_state(state(last_good=NOW - dt.timedelta(hours=2)), NOW)
    assert (good[0], str(good[1])) == (BackupHealth.GOOD, "Last backup today 13:00")
    assert "/media/usb" in str(good[2])
    old = describe_state(state(last_good=NOW - dt.timedelta(days=2)), NOW)
    assert (old[0], str(old[1])) == (
        BackupHealth.WARNING,
        "Last backup 2026-11-30 15:00: over a day ago",
    )
    missing = describe_state(state(folder_exists=False), NOW)
    assert (missing[0], str(missing[1])) == (BackupHealth.WARNING, "Backup folder missing")
    assert "/media/usb" in str(missing[2]) and "USB stick" in str(missing[2])
    off = describe_state(state(configured=False), NOW)
    assert off[0] is BackupHealth.WARNING and "backup-passphrase" in str(off[2])
    failed = describe_state(state(last_good=NOW, failure="disk full"), NOW)
    assert (failed[0], str(failed[1]), failed[2]) == (
        BackupHealth.WARNING,
        "Last backup failed",
        "disk full",
    )
    none = describe_state(state(), NOW)
    assert (none[0], str(none[1])) == (BackupHealth.WARNING, "No backup made yet")


def test_rotating_a_folder_deletes_only_what_the_policy_drops(tmp_path):
    from intake.services import backup

    start = dt.datetime(2026, 9, 1, 12, 0, tzinfo=dt.UTC)
    for hours in range(0, 24 * 120, 6):  # four a day for 120 days
        name = backup.backup_name("Synthetic Practice", start + dt.timedelta(hours=hours), "0003")
        (tmp_path / name).write_bytes(b"")
    aside = tmp_path / backup.backup_name("before-restore", start, "0003", "replaced")
    aside.write_bytes(b"")
    stranger = tmp_path / "notes.txt"
    stranger.write_text("mine")
    deleted = backup.rotate(tmp_path, RetentionPolicy(daily=14, weekly=8))
    left = backup.listed_backups(tmp_path)
    assert len(left) <= 22 and len(left) + len(deleted) == 480
    assert max(left.values()) == start + dt.timedelta(hours=24 * 120 - 6)
    assert aside.exists() and stranger.exists()  # not ours to rotate


def test_a_backup_of_a_revision_named_with_underscores_is_listed(tmp_path):
    from intake.services import backup

    made = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
    for label in ("", "replaced"):
        (tmp_path / backup.backup_name("Synthetic", made, "0005_journal_key", label)).touch()
    assert list(backup.listed_backups(tmp_path).values()) == [made]  # the labelled one aside

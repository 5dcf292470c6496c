"""Plan-of-care courses: book a course of visits in one step, move or cancel its rest."""

from intake.ui.series.course_dialog import CourseDialog, CourseStart, open_course

__all__ = ["CourseDialog", "CourseStart", "open_course"]

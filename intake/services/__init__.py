"""The only door to the database: each public function is one unit of work that checks who
asks, does one thing and returns frozen dataclasses from `intake.domain`.

The map (tests/unit/test_shape.py keeps it true: every module here, each once):

Use cases, one module per thing a person works with:
    accounts         staff accounts, signing in, roles, the first admin
    intakes          an intake's answers, screened and stored, with the language asked in
    screening_gate   whether a stored intake lets the front desk book
    self_intake      the patient's own intake on the waiting-room tablet: identifying, answers,
                     a red flag sent to the desk, the desk handing the tablet to a patient,
                     the tablet's location (a tablet account)
    desk_alerts      the tablet's red flags at the front desk: open ones, acknowledging, hearing
    patients         registering and changing patient records, likely duplicates
    patient_record   one patient's record read whole: intakes, visits, waitlist, history
    patient_search   type-ahead patient search
    patient_merge    merging duplicate patient records, and undoing a merge
    booking          booking, moving, checking in and cancelling visits; the patient's
                     language for what they take home
    slot_finder      free slots across every location
    waitlist         patients waiting for an earlier or a particular slot
    series           a plan-of-care course of visits booked in one step
    schedule_view    a location's day and a therapist's week, and their exports
    ical_export      a visit as an iCalendar (.ics) file for the patient (REQUEST, or CANCEL)
    review           the therapist's review queue and sign-off
    practice_admin   locations, opening hours, closures, appointment types
    staffing         therapists, their weekly templates and time off
    audit_view       the audit trail read back, for admins
    fhir_export      the FHIR bulk export streamed to TYPE.ndjson files (with progress and
                     cancel), one patient's data as a Bundle file (mapping: intake.fhir)
    fhir_import      FHIR QuestionnaireResponses taken in as draft intakes of their patients
    backup           backups and restore of the whole database
    schema           schema upgrade and downgrade, for the IT person
    about            this program's version and the schema revision it needs

The calendar (one meaning: what the scheduling rules need to know, read from the database):
    calendar_statics the practice's set-up (locations, hours, templates), cached per database
    calendar_loader  one search window's calendar inputs: the set-up plus booked visits

Plumbing the use cases stand on:
    database         opening the database and handing out units of work
    db_errors        a database outage told apart from a bug
    actor            who is acting (every call names them)
    logins           PostgreSQL: signing in as one's own database login (the gate, SCRAM)
    locking          optimistic locking: a change from a stale copy becomes StaleRecord
    audit            writing the audit trail (field names, never values)
    changes          telling every PC that a schedule changed
    patient_index    the patient search keys kept in step with the patients
    passwords        password hashing
    backup_file      the encrypted backup file format (no database)
    journal_key      the key sealing each PC's journal of unfinished work, after sign-in
    startup          what the program does at start

The demo practice lives outside, in `intake.demo`: the services know nothing of it.
"""

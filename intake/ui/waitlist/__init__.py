"""The waitlist at the desk: the entry form (`entry_form.open_waitlist_entry`, from booking or
the patient record) and the list beside the schedule (`list_panel.WaitlistView`)."""

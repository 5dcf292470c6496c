"""Front-desk patient screens: find a patient, register a new one."""

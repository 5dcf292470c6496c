"""The waiting-room tablet (issue #21): a full-screen, touch-first self-intake that the
patient cannot leave, whose red flags go to the front desk."""

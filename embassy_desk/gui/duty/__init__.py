"""The duty log screen, the shift handover after sign-in, and how fresh each person's last reach is."""

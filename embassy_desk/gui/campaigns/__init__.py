"""Welfare campaigns in the window: the campaigns screen (progress, follow-up list, create, reassign,
close) and the call bank, where a duty officer works their own call list from the keyboard."""

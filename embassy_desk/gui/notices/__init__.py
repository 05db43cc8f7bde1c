"""The Notices screen, the "Print notice" dialog and the embassy details notices print."""

"""The unlock screen: user, passphrase and language; the key derivation runs off the GUI thread."""

package dev.jwkit.jose.internal.crypto;

/** An engine that can be prepared for signing or for verifying. */
interface JcaEngine extends JcaVerifier, JcaSigner {}

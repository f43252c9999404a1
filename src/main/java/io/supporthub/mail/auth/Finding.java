package io.supporthub.mail.auth;

/** What one way of authenticating showed: pass, fail, or unverified (it decides nothing), and why in a sentence. */
record Finding(SenderVerdict.Result result, String reason) {

    boolean decides() {
        return result != SenderVerdict.Result.UNVERIFIED;
    }
}

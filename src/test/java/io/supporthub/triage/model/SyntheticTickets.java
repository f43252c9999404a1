package io.supporthub.triage.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small made-up ticket set with three clearly different topics, for tests that need a trained model. */
final class SyntheticTickets {

    private static final String[][] TOPICS = {
        {"billing", "invoice", "charged twice", "payment failed", "wrong amount on my bill", "credit card charge"},
        {"shipping", "parcel", "delivery is late", "tracking number", "package never arrived", "courier lost it"},
        {"account", "password reset", "cannot log in", "locked out", "two factor code", "change my email"},
    };
    private static final String[] FILLER = {"hello", "please help", "thanks", "as soon as possible", "regards", "hi team"};

    private SyntheticTickets() {
    }

    static List<LabelledExample> generate(int perLabel, long seed) {
        Random random = new Random(seed);
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            for (String[] topic : TOPICS) {
                String text = FILLER[random.nextInt(FILLER.length)] + " " + topic[1 + random.nextInt(topic.length - 1)]
                        + " " + topic[1 + random.nextInt(topic.length - 1)] + " " + FILLER[random.nextInt(FILLER.length)];
                examples.add(new LabelledExample(text, topic[0]));
            }
        }
        return examples;
    }
}

package io.supporthub.sandbox;

import java.math.BigDecimal;
import java.util.List;

/** A customer the sandbox's CRM simulator knows, with a mailbox on the sandbox mail server; ids have Salesforce's 18-character form. */
record SandboxCustomer(String email, String name, String contactId, String accountId, String accountName, String tier,
                       BigDecimal annualRevenue, String health, String owner, int openCases) {

    static final String MAILBOX_PASSWORD = "customer";

    static final List<SandboxCustomer> SEEDED = List.of(
            new SandboxCustomer("ava@acme.example", "Ava Martin", "0035g00000SbxAVAAA", "0015g00000SbxACMAA", "Acme Corporation", "VIP",
                    new BigDecimal("2400000"), "Green", "Olivia Owens", 2),
            new SandboxCustomer("erin@globex.example", "Erin Novak", "0035g00000SbxERNAA", "0015g00000SbxGLXAA", "Globex", "Enterprise",
                    new BigDecimal("850000"), "Yellow", "Marcus Lee", 5),
            new SandboxCustomer("sam@initech.example", "Sam Patel", "0035g00000SbxSAMAA", "0015g00000SbxINIAA", "Initech", "Standard",
                    new BigDecimal("42000"), "Green", "Priya Shah", 0));
}

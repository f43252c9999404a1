package io.supporthub.sandbox;

import java.math.BigDecimal;
import java.util.List;

/** A customer the sandbox's CRM simulator knows, with a mailbox on the sandbox mail server. */
record SandboxCustomer(String email, String name, String contactId, String accountId, String accountName, String tier,
                       BigDecimal annualRevenue, String health, String owner, int openCases) {

    static final String MAILBOX_PASSWORD = "customer";

    static final List<SandboxCustomer> SEEDED = List.of(
            new SandboxCustomer("ava@acme.example", "Ava Martin", "0035g00000SbxAVA", "0015g00000SbxACM", "Acme Corporation", "VIP",
                    new BigDecimal("2400000"), "Green", "Olivia Owens", 2),
            new SandboxCustomer("erin@globex.example", "Erin Novak", "0035g00000SbxERN", "0015g00000SbxGLX", "Globex", "Enterprise",
                    new BigDecimal("850000"), "Yellow", "Marcus Lee", 5),
            new SandboxCustomer("sam@initech.example", "Sam Patel", "0035g00000SbxSAM", "0015g00000SbxINI", "Initech", "Standard",
                    new BigDecimal("42000"), "Green", "Priya Shah", 0));
}

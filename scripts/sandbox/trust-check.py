#!/usr/bin/env python3
"""Tries the sandbox as a hostile sender would, with nothing but Python's smtplib and HTTP.

Start the sandbox first (README: "Run it"), then:  python3 scripts/sandbox/trust-check.py [SANDBOX_JSON_URL]
(default http://127.0.0.1:8080/sandbox.json). Prints PASS or FAIL per case and exits 1 if any case failed.

  1. a mail From the VIP customer, envelope sender mallory@attacker.example: no VIP treatment, no VIP alert
  2. the forger writing "Re: [KEY]" of the VIP's ticket: does not join it
  3. twelve such forgeries, then the real VIP's mail (envelope = From): ticketed and acknowledged
  4. a 1 MiB subject, 5. 10,000 addresses in To, 6. a mail From the support address: bounded, not a customer
"""
import imaplib
import json
import smtplib
import sys
import time
import urllib.parse
import urllib.request

FORGER = "mallory@attacker.example"
failures = []


def get(url, token=None):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token} if token else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def check(case, ok, detail):
    print(("PASS" if ok else "FAIL") + "  " + case + ": " + detail)
    if not ok:
        failures.append(case)


class Sandbox:
    def __init__(self, description_url):
        d = get(description_url)
        self.api = d["api"]["url"].rsplit("/tickets", 1)[0]
        self.token = d["api"]["token"]
        host, port = d["mail"]["smtp"].split(":")
        self.smtp = (host, int(port))
        imap_host, imap_port = d["mail"]["imap"].split(":")
        self.imap = (imap_host, int(imap_port))
        self.support = d["mail"]["support_mailbox"]["address"]
        self.slack = next(s["inspect"] for s in d["simulators"] if s["name"] == "slack")
        self.vip = next(c for c in d["customers"] if c["tier"] == "vip")
        self.seq = 0

    def send(self, envelope, sender, subject, body="Please help.", to=None, headers=""):
        self.seq += 1
        message_id = "trust-check-%d-%d@client.example" % (time.time_ns(), self.seq)
        raw = ("From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: <%s>\r\n%s\r\n%s\r\n"
               % (sender, to or self.support, subject, message_id, headers, body))
        with smtplib.SMTP(*self.smtp, timeout=30) as smtp:
            smtp.sendmail(envelope, [self.support], raw.encode("utf-8"))
        return message_id

    def decision(self, message_id, timeout=30):
        """The mail's decision record once intake has committed it."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            items = get(self.api + "/mail/decisions?message_id=" + urllib.parse.quote(message_id), self.token)["items"]
            if items:
                return items[0]
            time.sleep(0.5)
        return None

    def ticket(self, key):
        return get(self.api + "/tickets/" + key, self.token)

    def slack_messages(self):
        return get(self.slack)

    def inbox(self, address, password="customer"):
        """Subjects in a customer's sandbox mailbox."""
        imap = imaplib.IMAP4(*self.imap)
        try:
            imap.login(address, password)
            imap.select("INBOX", readonly=True)
            _, data = imap.search(None, "ALL")
            subjects = []
            for num in data[0].split():
                _, parts = imap.fetch(num, "(BODY.PEEK[HEADER.FIELDS (SUBJECT IN-REPLY-TO)])")
                subjects.append(parts[0][1].decode("utf-8", "replace"))
            return subjects
        finally:
            imap.logout()


def field(record, *names):
    for name in names:
        if record and record.get(name) is not None:
            return record[name]
    return None


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080/sandbox.json"
    sb = Sandbox(url)
    vip = sb.vip["email"]
    print("sandbox API %s, SMTP %s:%d, VIP customer %s" % (sb.api, sb.smtp[0], sb.smtp[1], vip))

    # the VIP's own ticket first, for the forger to aim at
    real_id = sb.send(vip, vip, "Invoice question for our account")
    real = sb.decision(real_id)
    real_key = field(real, "ticket_key", "ticketKey")
    check("0 real VIP mail", real_key is not None and sb.ticket(real_key)["customer"]["tier"] == "vip",
          "ticket %s, customer tier %s" % (real_key, real_key and sb.ticket(real_key)["customer"]["tier"]))

    # 1. forged From of the VIP
    slack_before = len(sb.slack_messages())
    forged_id = sb.send(FORGER, vip, "Production is down, urgent")
    forged = sb.decision(forged_id)
    forged_key = field(forged, "ticket_key", "ticketKey")
    if forged_key:
        t = sb.ticket(forged_key)
        time.sleep(3)  # alerts leave through the outbox after the commit
        vip_alerts = [m for m in sb.slack_messages()[slack_before:] if forged_key in json.dumps(m) and "VIP" in json.dumps(m)]
        check("1 forged VIP: no VIP treatment", t["customer"]["tier"] != "vip" and t["queue"] != "priority",
              "%s customer tier %s, %s/%s" % (forged_key, t["customer"]["tier"], t["tier"], t["queue"]))
        check("1 forged VIP: no VIP alert", not vip_alerts, "%d Slack message(s) call it VIP" % len(vip_alerts))
        events = [e.get("type") for e in t.get("timeline", [])]
        print("      timeline of %s: %s" % (forged_key, ", ".join(str(e) for e in events)))
    else:
        check("1 forged VIP", forged is not None, "no ticket; decision %s" % json.dumps(forged))

    # 2. the forger answering the VIP's ticket
    if real_key:
        join_id = sb.send(FORGER, vip, "Re: [%s] update" % real_key, "Please send the invoices to my new address.")
        joined = sb.decision(join_id)
        comment = field(joined, "comment_id", "commentId")
        check("2 forged reply does not join", comment is None and field(joined, "ticket_key", "ticketKey") != real_key,
              "decision %s" % json.dumps(joined))

    # 3. twelve forgeries, then the real VIP
    for i in range(12):
        sb.send(FORGER, vip, "Forged request %d" % i)
    final_id = sb.send(vip, vip, "Our dashboard fails to load since this morning")
    final = sb.decision(final_id, timeout=60)
    final_key = field(final, "ticket_key", "ticketKey")
    acknowledged = False
    deadline = time.time() + 30
    while final_key and not acknowledged and time.time() < deadline:
        acknowledged = any(final_key in s for s in sb.inbox(vip))
        time.sleep(1)
    check("3 real VIP after 12 forgeries", final_key is not None and acknowledged,
          "ticket %s (decision %s), acknowledged in the VIP's mailbox: %s"
          % (final_key, field(final, "decision"), acknowledged))

    # 4.-6. bounded mail: reported, the rules are the item 3
    long_id = sb.send(vip, vip, "A" * (1024 * 1024))
    long_decision = sb.decision(long_id, timeout=60)
    long_key = field(long_decision, "ticket_key", "ticketKey")
    if long_key:
        subject = sb.ticket(long_key)["subject"]
        check("4 1 MiB subject bounded", len(subject) <= 998, "ticket %s subject of %d characters" % (long_key, len(subject)))
    else:
        print("INFO  4 1 MiB subject: %s" % json.dumps(long_decision))

    # folded, as a mail client writes a long To: the point is the count, not one endless line
    many = ",\r\n ".join("person%d@many.example" % i for i in range(10000))
    many_id = sb.send(vip, vip, "Copying everyone", to=sb.support + ", " + many)
    many_decision = sb.decision(many_id, timeout=60)
    many_key = field(many_decision, "ticket_key", "ticketKey")
    print("INFO  5 10,000 recipients: decision %s, ticket %s" % (field(many_decision, "decision"), many_key))

    own_id = sb.send(sb.support, sb.support, "Mail from ourselves")
    own = sb.decision(own_id)
    check("6 mail from the support address is no ticket", own is not None and field(own, "ticket_key", "ticketKey") is None,
          "decision %s by %s: %s" % (field(own, "decision"), field(own, "decided_by", "decidedBy"), field(own, "reason")))

    print("\n%d case(s) failed: %s" % (len(failures), ", ".join(failures)) if failures else "\nall cases passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

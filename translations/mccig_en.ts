<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApiDocument</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is not OpenAPI 3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mccig-server over &amp;HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Admin key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per line: tenant:key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redis URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: redis://127.0.0.1:6379/0 for live figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certi&amp;ficate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for https://: the PEM file of the server&apos;s CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local gateway (a mccig-server the console starts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console runs mccig-server on this computer, on its embedded backend (no Redis or PostgreSQL), keeps its data in the console&apos;s data folder and stops it on quit. The server URL is filled in when it runs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>--screenshots needs --server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect at once to the server at URL (a one-off profile, not saved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin key for the --server profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant keys for the --server profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis to read live figures from, for the --server profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a screenshot of every screen into DIR and exit (needs --server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of this run: system, en or de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &quot;first-paint-ms N&quot; when the window is first drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As --report-first-paint, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations console for the MCC-IG ingestion gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file of the CA that signed an https:// --server&apos;s certificate, trusted beside the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalProfile</name>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayloadCheck</name>
    <message>
        <source>unknown channel &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON: not parseable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaygroundScreen</name>
    <message>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Public URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For&amp;mat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provi&amp;der secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayScreen</name>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sends (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;oncurrent senders (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verification run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pi&amp;n this id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the same message id again on the next run; otherwise a re-run uses a fresh id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <source>MCC-IG Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TlsConfiguration</name>
    <message>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::AboutBox</name>
    <message>
        <source>About MCC-IG Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mccig-server %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a server at %1 that does not report its version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;MCC-IG Console %1&lt;/h3&gt;&lt;p&gt;Operations console for the multi-channel communication ingestion gateway.&lt;/p&gt;&lt;p&gt;Qt: %2&lt;br&gt;Server: %3&lt;/p&gt;&lt;p&gt;Licensed under the &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::AdminLiveSource</name>
    <message>
        <source>GET /v1/admin/stats answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET /v1/admin/tenants answered %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ApiDocsScreen</name>
    <message>
        <source>The API document cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the curl command for %1 to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::BucketTableModel</name>
    <message>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>429s (60 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>429s total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::BurstSeriesModel</name>
    <message>
        <source>Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ConnectionDialog</name>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and its secrets?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened from the command line: Save keeps it as a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ConnectionStatus</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis: not configured (admin API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: reachable (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin: no key in the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin key accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin key refused (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API disabled on the server (HTTP 404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API: HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DLQ, replay verification and the admin API&apos;s figures need an admin key the server accepts: fix it in File → Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis: failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ConsoleSession</name>
    <message>
        <source>The profile has no valid server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::DashboardScreen</name>
    <message>
        <source>Ingest per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue and DLQ depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persisted/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DLQ depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation>
            <numerusform>Last minute</numerusform>
            <numerusform>Last %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Time window of the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the live view (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live from Redis · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live from the admin API · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause the live view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏸ Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏸ Paused · figures of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live data failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::DepthSeriesModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DLQ depth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::DlqBatchJob</name>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::DlqScreen</name>
    <message>
        <source>Select a dead letter to see the full event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by id, message id, error or content (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the dead-letter queue (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected entries back on the queue (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay every entry that passes the filter (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected entries (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n dead letter(s) so far</source>
        <translation>
            <numerusform>Loading… %n dead letter so far</numerusform>
            <numerusform>Loading… %n dead letters so far</numerusform>
        </translation>
    </message>
    <message>
        <source>GET /v1/admin/dlq answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 shown of %4 loaded · %5 in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay all</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Put %n dead letter(s) back on the queue?</source>
        <translation>
            <numerusform>Put %n dead letter back on the queue?</numerusform>
            <numerusform>Put %n dead letters back on the queue?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n dead letter(s)? They cannot be replayed afterwards.</source>
        <translation>
            <numerusform>Delete %n dead letter? It cannot be replayed afterwards.</numerusform>
            <numerusform>Delete %n dead letters? They cannot be replayed afterwards.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: %1 done, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead letter details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;play selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay &amp;all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel the running job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Cannot load the DLQ: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the admin key was refused (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 shown of %4 loaded · %5 in the queue now, reloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed %1, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::DlqTableModel</name>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::HistoryModel</name>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a playground history file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 is incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::KeychainSecretStore</name>
    <message>
        <source>Secrets are kept in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::LocalGateway</name>
    <message>
        <source>mccig-server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local gateway needs mccig-server, which is not at %1: reinstall the console, or connect to a server over HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local gateway&apos;s data folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mccig-server was killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mccig-server exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mccig-server did not report its port within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::LocalGatewayAction</name>
    <message>
        <source>Stop &amp;Local Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the mccig-server this console runs on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart &amp;Local Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Local Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run mccig-server on this computer, on its embedded backend (no other software needed), and connect to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::LocalGatewayStatus</name>
    <message>
        <source>Local gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local gateway: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local gateway: running on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mccig-server on the embedded backend, data in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local gateway: stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local gateway: stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::MainWindow</name>
    <message>
        <source>MCC-IG Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingest Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate Limit Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DLQ &amp; Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Docs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCC-IG Console — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit, save and choose connection profiles (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choosing a profile connects to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the chosen profile again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Secrets in plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Secrets not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not store the profile&apos;s secrets (%1).

Store them in plain text in the settings file, or store nothing and enter the keys again after a restart?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in &amp;plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store &amp;nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. To start, add a server in &lt;a href=&quot;connections&quot;&gt;File → Connections…&lt;/a&gt; (Ctrl+K), or start the console with &lt;tt&gt;--server URL --admin-key KEY&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. Choose a profile in the toolbar, or manage profiles in &lt;a href=&quot;connections&quot;&gt;File → Connections…&lt;/a&gt; (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Choosing a profile connects to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local gateway stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local gateway stopped: %1 &lt;a href=&quot;%2&quot;&gt;Restart it&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::MemorySecretStore</name>
    <message>
        <source>Secrets are not stored: they are kept only until the console closes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::PlaygroundScreen</name>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected history entry again (Ctrl+Shift+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the payload with the channel&apos;s template (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile has no tenant API keys: add one in Connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid %1 payload (the server&apos;s own rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the server would answer 400</source>
        <translation>
            <numerusform>%n problem: the server would answer 400</numerusform>
            <numerusform>%n problems: the server would answer 400</numerusform>
        </translation>
    </message>
    <message>
        <source>Save history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send selected history entry &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a tab in the payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab moves to the next field; Ctrl+Tab inserts a tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret stored for the tenant on the server, typed again here: the server never shows it back. Kept in memory only, until the console quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s base URL as the provider reaches it (its --public-url), which Twilio&apos;s signature covers; empty for the profile&apos;s server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the payload fresh message ids (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whsec_…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Meta app secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Twilio auth token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the provider secret stored for the tenant: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Standard Webhooks secret starts with whsec_: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After whsec_ a Standard Webhooks secret is base64: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio posts form fields: write them as a JSON object of strings. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public URL must be an http:// or https:// URL with a host: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio posts form fields: write them as a JSON object of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A WhatsApp Cloud API delivery is a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Twilio&apos;s form fields, one JSON string each, sent form-encoded; the server maps them to a message of channel %1 and checks that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ A WhatsApp Cloud API delivery; the server maps each message in it to channel %1 and checks that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::RateLimitScreen</name>
    <message>
        <source>429s per tenant per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start burst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst: answers per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live data failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buckets read from Redis directly, refreshed every second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buckets read through the admin API (no Redis URL in this profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted %1 · throttled (429) %2 · other %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burst duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ReplayOutcomeModel</name>
    <message>
        <source>202 accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>200 duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fastest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ReplayRun</name>
    <message>
        <source>cancelled after %1 of %2 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sends from %2 concurrent senders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>200 duplicate: %1 (expected %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other answers: %1 (expected 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET /v1/admin/events/count?tenantId=%1&amp;channel=%2&amp;providerMessageId=%3 → %4 (expected 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored rows: not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server was unreachable for the count request (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin access was refused (HTTP %1): the stored rows could not be counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the count request answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) got no answer: the server was unreachable (%1)</source>
        <translation>
            <numerusform>%n send got no answer: the server was unreachable (%1)</numerusform>
            <numerusform>%n sends got no answer: the server was unreachable (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) were rejected as invalid (HTTP 400): fix the payload</source>
        <translation>
            <numerusform>%n send was rejected as invalid (HTTP 400): fix the payload</numerusform>
            <numerusform>%n sends were rejected as invalid (HTTP 400): fix the payload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) were refused (HTTP %1): the tenant key is not accepted</source>
        <translation>
            <numerusform>%n send was refused (HTTP %1): the tenant key is not accepted</numerusform>
            <numerusform>%n sends were refused (HTTP %1): the tenant key is not accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) were rate limited (HTTP 429): lower N or use another tenant</source>
        <translation>
            <numerusform>%n send was rate limited (HTTP 429): lower N or use another tenant</numerusform>
            <numerusform>%n sends were rate limited (HTTP 429): lower N or use another tenant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) answered neither 202 nor 200 (first: HTTP %1)</source>
        <translation>
            <numerusform>%n send answered neither 202 nor 200 (first: HTTP %1)</numerusform>
            <numerusform>%n sends answered neither 202 nor 200 (first: HTTP %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sends were accepted (202) where at most %2 may be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows were stored for one message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message id %1 was already used before this run, so no send could be the first: use a fresh id, or pin the id to re-check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway answered for the message but stored no row within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answers do not match exactly-once delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message id %1 pinned: an earlier run already sent it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>202 accepted: %1 (expected %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ReplayScreen</name>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying through the admin API…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile has no tenant API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent senders (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verification run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ PASS: exactly once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ FAIL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? INCONCLUSIVE: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ScreenshotTour</name>
    <message>
        <source>%1, wrong admin key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live &amp;refresh every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the console now to switch the language?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::SettingsSecretStore</name>
    <message>
        <source>cannot write the settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: secrets are stored in plain text in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::StatsSeriesModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead-lettered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::TenantTableModel</name>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mccig::console::ThrottleSeriesModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

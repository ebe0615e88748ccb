<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ApiDocument</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Alias: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>Alias: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Copy curl command</source>
        <translation>curl-Befehl kopieren</translation>
    </message>
    <message>
        <source>the document is not OpenAPI 3</source>
        <translation>das Dokument ist kein OpenAPI 3</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>mccig-server over &amp;HTTP</source>
        <translation>mccig-server über &amp;HTTP</translation>
    </message>
    <message>
        <source>&amp;Server URL</source>
        <translation>&amp;Server-URL</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080</source>
        <translation>http://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>&amp;Admin key</source>
        <translation>&amp;Admin-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Tenant keys</source>
        <translation>Mandan&amp;ten-Schlüssel</translation>
    </message>
    <message>
        <source>one per line: tenant:key</source>
        <translation>einer pro Zeile: mandant:schlüssel</translation>
    </message>
    <message>
        <source>&amp;Redis URL</source>
        <translation>&amp;Redis-URL</translation>
    </message>
    <message>
        <source>optional: redis://127.0.0.1:6379/0 for live figures</source>
        <translation>optional: redis://127.0.0.1:6379/0 für Live-Zahlen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>CA certi&amp;ficate</source>
        <translation>CA-&amp;Zertifikat</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>optional, for https://: the PEM file of the server&apos;s CA</source>
        <translation>optional, für https://: PEM-Datei der CA des Servers</translation>
    </message>
    <message>
        <source>&amp;Local gateway (a mccig-server the console starts)</source>
        <translation>Lokales &amp;Gateway (ein mccig-server, den die Konsole startet)</translation>
    </message>
    <message>
        <source>The console runs mccig-server on this computer, on its embedded backend (no Redis or PostgreSQL), keeps its data in the console&apos;s data folder and stops it on quit. The server URL is filled in when it runs.</source>
        <translation>Die Konsole führt mccig-server auf diesem Computer mit seinem eingebetteten Backend aus (ohne Redis oder PostgreSQL), legt seine Daten im Datenordner der Konsole ab und beendet ihn beim Beenden. Die Server-URL wird eingetragen, sobald er läuft.</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>--screenshots needs --server</source>
        <translation>--screenshots braucht --server</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version zeigen und beenden.</translation>
    </message>
    <message>
        <source>Connect at once to the server at URL (a one-off profile, not saved).</source>
        <translation>Sofort mit dem Server unter URL verbinden (ein einmaliges Profil, nicht gespeichert).</translation>
    </message>
    <message>
        <source>Admin key for the --server profile.</source>
        <translation>Admin-Schlüssel für das --server-Profil.</translation>
    </message>
    <message>
        <source>Tenant keys for the --server profile.</source>
        <translation>Mandantenschlüssel für das --server-Profil.</translation>
    </message>
    <message>
        <source>Redis to read live figures from, for the --server profile.</source>
        <translation>Redis, aus dem die Live-Zahlen gelesen werden, für das --server-Profil.</translation>
    </message>
    <message>
        <source>Save a screenshot of every screen into DIR and exit (needs --server).</source>
        <translation>Von jeder Ansicht ein Bildschirmfoto in DIR speichern und beenden (braucht --server).</translation>
    </message>
    <message>
        <source>Language of this run: system, en or de.</source>
        <translation>Sprache dieses Laufs: system, en oder de.</translation>
    </message>
    <message>
        <source>Print &quot;first-paint-ms N&quot; when the window is first drawn.</source>
        <translation>„first-paint-ms N“ ausgeben, wenn das Fenster zum ersten Mal gezeichnet ist.</translation>
    </message>
    <message>
        <source>As --report-first-paint, then quit.</source>
        <translation>Wie --report-first-paint, danach beenden.</translation>
    </message>
    <message>
        <source>Operations console for the MCC-IG ingestion gateway.</source>
        <translation>Betriebskonsole für das MCC-IG-Ingestion-Gateway.</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>PEM file of the CA that signed an https:// --server&apos;s certificate, trusted beside the system&apos;s.</source>
        <translation>PEM-Datei der CA, die das Zertifikat eines https://-Servers (--server) signiert hat; gilt neben den CAs des Systems.</translation>
    </message>
</context>
<context>
    <name>LocalProfile</name>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
</context>
<context>
    <name>PayloadCheck</name>
    <message>
        <source>unknown channel &quot;%1&quot;</source>
        <translation>unbekannter Kanal „%1“</translation>
    </message>
    <message>
        <source>JSON: %1</source>
        <translation>JSON: %1</translation>
    </message>
    <message>
        <source>JSON: not parseable</source>
        <translation>JSON: nicht lesbar</translation>
    </message>
</context>
<context>
    <name>PlaygroundScreen</name>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Tenant key</source>
        <translation>&amp;Mandanten-Schlüssel</translation>
    </message>
    <message>
        <source>Load &amp;template</source>
        <translation>&amp;Vorlage laden</translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation>Neue Nachrichten-&amp;ID</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>Noch nichts gesendet</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Re-send</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>&amp;Edit again</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Public URL</source>
        <translation>Öffentliche &amp;URL</translation>
    </message>
    <message>
        <source>For&amp;mat</source>
        <translation>Forma&amp;t</translation>
    </message>
    <message>
        <source>Provi&amp;der secret</source>
        <translation>Anbieter-&amp;Geheimnis</translation>
    </message>
</context>
<context>
    <name>ReplayScreen</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Tenant key</source>
        <translation>&amp;Mandanten-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Sends (N)</source>
        <translation>&amp;Sendungen (N)</translation>
    </message>
    <message>
        <source>C&amp;oncurrent senders (C)</source>
        <translation>&amp;Gleichzeitige Sender (C)</translation>
    </message>
    <message>
        <source>&amp;Payload</source>
        <translation>&amp;Nutzlast</translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation>Neue Nachrichten-&amp;ID</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>&amp;Run verification</source>
        <translation>Prüfung &amp;starten</translation>
    </message>
    <message>
        <source>Run (Ctrl+R)</source>
        <translation>Starten (Strg+R)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>%v von %m beantwortet</translation>
    </message>
    <message>
        <source>No verification run yet</source>
        <translation>Noch keine Prüfung gelaufen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Pi&amp;n this id</source>
        <translation>ID &amp;festhalten</translation>
    </message>
    <message>
        <source>Send the same message id again on the next run; otherwise a re-run uses a fresh id</source>
        <translation>Beim nächsten Lauf dieselbe Nachrichten-ID erneut senden; sonst verwendet eine Wiederholung eine neue ID</translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <source>MCC-IG Console</source>
        <translation>MCC-IG Console</translation>
    </message>
</context>
<context>
    <name>TlsConfiguration</name>
    <message>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>Die CA-Zertifikatsdatei %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>The CA certificate file %1 holds no PEM certificate</source>
        <translation>Die CA-Zertifikatsdatei %1 enthält kein PEM-Zertifikat</translation>
    </message>
</context>
<context>
    <name>mccig::console::AboutBox</name>
    <message>
        <source>About MCC-IG Console</source>
        <translation>Über die MCC-IG-Konsole</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>asking %1…</source>
        <translation>frage %1 …</translation>
    </message>
    <message>
        <source>mccig-server %1 at %2</source>
        <translation>mccig-server %1 unter %2</translation>
    </message>
    <message>
        <source>a server at %1 that does not report its version</source>
        <translation>ein Server unter %1, der seine Version nicht nennt</translation>
    </message>
    <message>
        <source>%1 did not answer (%2)</source>
        <translation>%1 hat nicht geantwortet (%2)</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete HTTP %2</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (gebaut mit %2)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MCC-IG Console %1&lt;/h3&gt;&lt;p&gt;Operations console for the multi-channel communication ingestion gateway.&lt;/p&gt;&lt;p&gt;Qt: %2&lt;br&gt;Server: %3&lt;/p&gt;&lt;p&gt;Licensed under the &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MCC-IG-Konsole %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole für das Multi-Channel-Ingestion-Gateway für Kommunikation.&lt;/p&gt;&lt;p&gt;Qt: %2&lt;br&gt;Server: %3&lt;/p&gt;&lt;p&gt;Lizenziert unter der &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>mccig::console::AdminLiveSource</name>
    <message>
        <source>GET /v1/admin/stats answered %1</source>
        <translation>GET /v1/admin/stats antwortete %1</translation>
    </message>
    <message>
        <source>GET /v1/admin/tenants answered %1</source>
        <translation>GET /v1/admin/tenants antwortete %1</translation>
    </message>
</context>
<context>
    <name>mccig::console::ApiDocsScreen</name>
    <message>
        <source>The API document cannot be read: %1</source>
        <translation>Das API-Dokument kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Copied the curl command for %1 to the clipboard</source>
        <translation>curl-Befehl für %1 in die Zwischenablage kopiert</translation>
    </message>
</context>
<context>
    <name>mccig::console::BucketTableModel</name>
    <message>
        <source>full</source>
        <translation>voll</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Nachfüllen</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllstand</translation>
    </message>
    <message>
        <source>429s (60 s)</source>
        <translation>429er (60 s)</translation>
    </message>
    <message>
        <source>429s total</source>
        <translation>429er gesamt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>mccig::console::BurstSeriesModel</name>
    <message>
        <source>Second</source>
        <translation>Sekunde</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
</context>
<context>
    <name>mccig::console::ConnectionDialog</name>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and its secrets?</source>
        <translation>Profil „%1“ und seine Geheimnisse löschen?</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Opened from the command line: Save keeps it as a profile</source>
        <translation>Über die Befehlszeile geöffnet: Speichern behält es als Profil</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>mccig::console::ConnectionStatus</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Server: checking…</source>
        <translation>Server: wird geprüft…</translation>
    </message>
    <message>
        <source>Ready: –</source>
        <translation>Bereit: –</translation>
    </message>
    <message>
        <source>Redis: –</source>
        <translation>Redis: –</translation>
    </message>
    <message>
        <source>Redis: checking…</source>
        <translation>Redis: wird geprüft…</translation>
    </message>
    <message>
        <source>Redis: not configured (admin API)</source>
        <translation>Redis: nicht eingerichtet (Admin-API)</translation>
    </message>
    <message>
        <source>Redis: connected</source>
        <translation>Redis: verbunden</translation>
    </message>
    <message>
        <source>Server: reachable (%1 ms)</source>
        <translation>Server: erreichbar (%1 ms)</translation>
    </message>
    <message>
        <source>Server: HTTP %1</source>
        <translation>Server: HTTP %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not ready (HTTP %1)</source>
        <translation>Nicht bereit (HTTP %1)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Admin access</source>
        <translation>Admin-Zugang</translation>
    </message>
    <message>
        <source>Admin: –</source>
        <translation>Admin: –</translation>
    </message>
    <message>
        <source>Admin: no key in the profile</source>
        <translation>Admin: kein Schlüssel im Profil</translation>
    </message>
    <message>
        <source>Admin: checking…</source>
        <translation>Admin: wird geprüft…</translation>
    </message>
    <message>
        <source>Admin key accepted</source>
        <translation>Admin-Schlüssel akzeptiert</translation>
    </message>
    <message>
        <source>Admin key refused (HTTP %1)</source>
        <translation>Admin-Schlüssel abgelehnt (HTTP %1)</translation>
    </message>
    <message>
        <source>Admin API disabled on the server (HTTP 404)</source>
        <translation>Admin-API auf dem Server deaktiviert (HTTP 404)</translation>
    </message>
    <message>
        <source>Admin API: HTTP %1</source>
        <translation>Admin-API: HTTP %1</translation>
    </message>
    <message>
        <source>The DLQ, replay verification and the admin API&apos;s figures need an admin key the server accepts: fix it in File → Connections…</source>
        <translation>DLQ, Replay-Prüfung und die Zahlen der Admin-API brauchen einen Admin-Schlüssel, den der Server akzeptiert: unter Datei → Verbindungen… korrigieren</translation>
    </message>
    <message>
        <source>Redis: failing</source>
        <translation>Redis: gestört</translation>
    </message>
    <message>
        <source>Server: unreachable</source>
        <translation>Server: nicht erreichbar</translation>
    </message>
    <message>
        <source>Server: TLS handshake failed</source>
        <translation>Server: TLS-Handshake fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>mccig::console::ConsoleSession</name>
    <message>
        <source>The profile has no valid server URL.</source>
        <translation>Das Profil hat keine gültige Server-URL.</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://.</source>
        <translation>Die Server-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
</context>
<context>
    <name>mccig::console::DashboardScreen</name>
    <message>
        <source>Ingest per second</source>
        <translation>Eingang pro Sekunde</translation>
    </message>
    <message>
        <source>Worker per second</source>
        <translation>Worker pro Sekunde</translation>
    </message>
    <message>
        <source>Queue and DLQ depth</source>
        <translation>Tiefe von Warteschlange und DLQ</translation>
    </message>
    <message>
        <source>Accepted/s</source>
        <translation>Angenommen/s</translation>
    </message>
    <message>
        <source>Persisted/s</source>
        <translation>Gespeichert/s</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlangentiefe</translation>
    </message>
    <message>
        <source>DLQ depth</source>
        <translation>DLQ-Tiefe</translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation>
            <numerusform>Letzte Minute</numerusform>
            <numerusform>Letzte %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Time window of the charts</source>
        <translation>Zeitfenster der Diagramme</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause or resume the live view (Ctrl+P)</source>
        <translation>Live-Ansicht anhalten oder fortsetzen (Strg+P)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Live from Redis · %1</source>
        <translation>Live aus Redis · %1</translation>
    </message>
    <message>
        <source>Live from the admin API · %1</source>
        <translation>Live über die Admin-API · %1</translation>
    </message>
    <message>
        <source>&amp;Pause the live view</source>
        <translation>Live-Ansicht &amp;anhalten</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>⏸ Paused</source>
        <translation>⏸ Angehalten</translation>
    </message>
    <message>
        <source>⏸ Paused · figures of %1</source>
        <translation>⏸ Angehalten · Zahlen von %1</translation>
    </message>
    <message>
        <source>Live data failed: %1</source>
        <translation>Live-Daten fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>mccig::console::DepthSeriesModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlangentiefe</translation>
    </message>
    <message>
        <source>DLQ depth</source>
        <translation>DLQ-Tiefe</translation>
    </message>
</context>
<context>
    <name>mccig::console::DlqBatchJob</name>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
</context>
<context>
    <name>mccig::console::DlqScreen</name>
    <message>
        <source>Select a dead letter to see the full event</source>
        <translation>Eine Nachricht auswählen, um das ganze Ereignis zu sehen</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>Filter by id, message id, error or content (Ctrl+F)</source>
        <translation>Nach ID, Nachrichten-ID, Fehler oder Inhalt filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the dead-letter queue (F5)</source>
        <translation>Dead-Letter-Queue neu laden (F5)</translation>
    </message>
    <message>
        <source>Put the selected entries back on the queue (Ctrl+R)</source>
        <translation>Ausgewählte Einträge zurück in die Warteschlange (Strg+R)</translation>
    </message>
    <message>
        <source>Replay every entry that passes the filter (Ctrl+Shift+R)</source>
        <translation>Jeden Eintrag, der den Filter passiert, erneut einspielen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected entries (Del)</source>
        <translation>Ausgewählte Einträge löschen (Entf)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n dead letter(s) so far</source>
        <translation>
            <numerusform>Wird geladen… %n Nachricht bisher</numerusform>
            <numerusform>Wird geladen… %n Nachrichten bisher</numerusform>
        </translation>
    </message>
    <message>
        <source>GET /v1/admin/dlq answered HTTP %1</source>
        <translation>GET /v1/admin/dlq antwortete HTTP %1</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 shown of %4 loaded · %5 in the queue</source>
        <translation>Seite %1 von %2 · %3 von %4 geladenen angezeigt · %5 in der Warteschlange</translation>
    </message>
    <message>
        <source>Replay all</source>
        <translation>Alle erneut einspielen</translation>
    </message>
    <message numerus="yes">
        <source>Put %n dead letter(s) back on the queue?</source>
        <translation>
            <numerusform>%n Nachricht zurück in die Warteschlange stellen?</numerusform>
            <numerusform>%n Nachrichten zurück in die Warteschlange stellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete dead letters</source>
        <translation>Nachrichten löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n dead letter(s)? They cannot be replayed afterwards.</source>
        <translation>
            <numerusform>%n Nachricht löschen? Sie kann danach nicht mehr eingespielt werden.</numerusform>
            <numerusform>%n Nachrichten löschen? Sie können danach nicht mehr eingespielt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: %1 done, %2 failed</source>
        <translation>Abgebrochen: %1 erledigt, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Unzustellbare Nachrichten</translation>
    </message>
    <message>
        <source>Dead letter details</source>
        <translation>Details der unzustellbaren Nachricht</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Filtertext</translation>
    </message>
    <message>
        <source>Tenant filter</source>
        <translation>Mandantenfilter</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>Kanalfilter</translation>
    </message>
    <message>
        <source>Re&amp;play selected…</source>
        <translation>Auswahl erneut &amp;einspielen…</translation>
    </message>
    <message>
        <source>Replay &amp;all…</source>
        <translation>&amp;Alle erneut einspielen…</translation>
    </message>
    <message>
        <source>&amp;Reload the queue</source>
        <translation>Warteschlange &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;Delete selected…</source>
        <translation>Auswahl &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtern</translation>
    </message>
    <message>
        <source>&amp;Cancel the running job</source>
        <translation>Laufenden Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>✖ Cannot load the DLQ: %1</source>
        <translation>✖ DLQ kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>the admin key was refused (HTTP %1)</source>
        <translation>der Admin-Schlüssel wurde abgelehnt (HTTP %1)</translation>
    </message>
    <message>
        <source>Queue depth unknown</source>
        <translation>Länge der Warteschlange unbekannt</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 shown of %4 loaded · %5 in the queue now, reloading…</source>
        <translation>Seite %1 von %2 · %3 angezeigt von %4 geladen · jetzt %5 in der Warteschlange, wird neu geladen…</translation>
    </message>
    <message>
        <source>Replay selected</source>
        <translation>Auswahl erneut einspielen</translation>
    </message>
    <message>
        <source>Replayed %1, %2 failed</source>
        <translation>%1 erneut eingespielt, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Deleted %1, %2 failed</source>
        <translation>%1 gelöscht, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Vorige Seite (Bild auf)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Nächste Seite (Bild ab)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
</context>
<context>
    <name>mccig::console::DlqTableModel</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>Fehlgeschlagen am</translation>
    </message>
</context>
<context>
    <name>mccig::console::HistoryModel</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>not a playground history file</source>
        <translation>keine Verlaufsdatei des Playgrounds</translation>
    </message>
    <message>
        <source>entry %1 is incomplete</source>
        <translation>Eintrag %1 ist unvollständig</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>mccig::console::KeychainSecretStore</name>
    <message>
        <source>Secrets are kept in the system keychain</source>
        <translation>Geheimnisse liegen im Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>mccig::console::LocalGateway</name>
    <message>
        <source>mccig-server did not start: %1</source>
        <translation>mccig-server ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The local gateway needs mccig-server, which is not at %1: reinstall the console, or connect to a server over HTTP.</source>
        <translation>Das lokale Gateway braucht mccig-server, der nicht unter %1 liegt: Installieren Sie die Konsole neu oder verbinden Sie sich über HTTP mit einem Server.</translation>
    </message>
    <message>
        <source>The local gateway&apos;s data folder %1 cannot be created.</source>
        <translation>Der Datenordner %1 des lokalen Gateways kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>mccig-server was killed</source>
        <translation>mccig-server wurde abgebrochen</translation>
    </message>
    <message>
        <source>mccig-server exited with code %1</source>
        <translation>mccig-server wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>mccig-server did not report its port within %1 seconds.</source>
        <translation>mccig-server hat seinen Port nicht innerhalb von %1 Sekunden gemeldet.</translation>
    </message>
</context>
<context>
    <name>mccig::console::LocalGatewayAction</name>
    <message>
        <source>Stop &amp;Local Gateway</source>
        <translation>&amp;Lokales Gateway beenden</translation>
    </message>
    <message>
        <source>Stop the mccig-server this console runs on this computer</source>
        <translation>Den mccig-server beenden, den diese Konsole auf diesem Computer ausführt</translation>
    </message>
    <message>
        <source>Restart &amp;Local Gateway</source>
        <translation>&amp;Lokales Gateway neu starten</translation>
    </message>
    <message>
        <source>Start &amp;Local Gateway</source>
        <translation>&amp;Lokales Gateway starten</translation>
    </message>
    <message>
        <source>Run mccig-server on this computer, on its embedded backend (no other software needed), and connect to it</source>
        <translation>mccig-server auf diesem Computer mit seinem eingebetteten Backend ausführen (keine weitere Software nötig) und sich damit verbinden</translation>
    </message>
</context>
<context>
    <name>mccig::console::LocalGatewayStatus</name>
    <message>
        <source>Local gateway</source>
        <translation>Lokales Gateway</translation>
    </message>
    <message>
        <source>Local gateway: starting…</source>
        <translation>Lokales Gateway: startet…</translation>
    </message>
    <message>
        <source>Local gateway: running on %1</source>
        <translation>Lokales Gateway: läuft auf %1</translation>
    </message>
    <message>
        <source>mccig-server on the embedded backend, data in %1</source>
        <translation>mccig-server mit eingebettetem Backend, Daten in %1</translation>
    </message>
    <message>
        <source>Local gateway: stopping…</source>
        <translation>Lokales Gateway: wird beendet…</translation>
    </message>
    <message>
        <source>Local gateway: stopped</source>
        <translation>Lokales Gateway: beendet</translation>
    </message>
</context>
<context>
    <name>mccig::console::MainWindow</name>
    <message>
        <source>MCC-IG Console</source>
        <translation>MCC-IG-Konsole</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Ingest Playground</source>
        <translation>Eingangs-Playground</translation>
    </message>
    <message>
        <source>Replay Verification</source>
        <translation>Wiederholungsprüfung</translation>
    </message>
    <message>
        <source>Rate Limit Monitor</source>
        <translation>Ratenlimit-Monitor</translation>
    </message>
    <message>
        <source>DLQ &amp; Failures</source>
        <translation>DLQ &amp; Fehler</translation>
    </message>
    <message>
        <source>API Docs</source>
        <translation>API-Dokumentation</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Profile </source>
        <translation>Profil </translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>MCC-IG Console — %1</source>
        <translation>MCC-IG-Konsole — %1</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Add, edit, save and choose connection profiles (Ctrl+K)</source>
        <translation>Verbindungsprofile anlegen, bearbeiten, speichern und wählen (Strg+K)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>Choosing a profile connects to it</source>
        <translation>Die Wahl eines Profils verbindet damit</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Connect to the chosen profile again</source>
        <translation>Erneut mit dem gewählten Profil verbinden</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>A&amp;ktionen</translation>
    </message>
    <message>
        <source>⚠ Secrets in plain text</source>
        <translation>⚠ Geheimnisse im Klartext</translation>
    </message>
    <message>
        <source>⚠ Secrets not stored</source>
        <translation>⚠ Geheimnisse nicht gespeichert</translation>
    </message>
    <message>
        <source>Secrets not saved</source>
        <translation>Geheimnisse nicht gespeichert</translation>
    </message>
    <message>
        <source>The system keychain did not store the profile&apos;s secrets (%1).

Store them in plain text in the settings file, or store nothing and enter the keys again after a restart?</source>
        <translation>Der Systemschlüsselbund hat die Geheimnisse des Profils nicht gespeichert (%1).

Im Klartext in der Einstellungsdatei speichern, oder nichts speichern und die Schlüssel nach einem Neustart erneut eingeben?</translation>
    </message>
    <message>
        <source>Store in &amp;plain text</source>
        <translation>Im &amp;Klartext speichern</translation>
    </message>
    <message>
        <source>Store &amp;nothing</source>
        <translation>&amp;Nichts speichern</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Not connected. To start, add a server in &lt;a href=&quot;connections&quot;&gt;File → Connections…&lt;/a&gt; (Ctrl+K), or start the console with &lt;tt&gt;--server URL --admin-key KEY&lt;/tt&gt;.</source>
        <translation>Nicht verbunden. Zum Start einen Server unter &lt;a href=&quot;connections&quot;&gt;Datei → Verbindungen…&lt;/a&gt; (Strg+K) hinzufügen oder die Konsole mit &lt;tt&gt;--server URL --admin-key KEY&lt;/tt&gt; starten.</translation>
    </message>
    <message>
        <source>Not connected. Choose a profile in the toolbar, or manage profiles in &lt;a href=&quot;connections&quot;&gt;File → Connections…&lt;/a&gt; (Ctrl+K).</source>
        <translation>Nicht verbunden. Ein Profil in der Werkzeugleiste wählen oder Profile unter &lt;a href=&quot;connections&quot;&gt;Datei → Verbindungen…&lt;/a&gt; (Strg+K) verwalten.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>%1
Choosing a profile connects to it</source>
        <translation>%1
Die Wahl eines Profils verbindet damit</translation>
    </message>
    <message>
        <source>The local gateway stopped: %1</source>
        <translation>Das lokale Gateway wurde beendet: %1</translation>
    </message>
    <message>
        <source>Starting the local gateway…</source>
        <translation>Das lokale Gateway startet…</translation>
    </message>
    <message>
        <source>The local gateway stopped: %1 &lt;a href=&quot;%2&quot;&gt;Restart it&lt;/a&gt;</source>
        <translation>Das lokale Gateway wurde beendet: %1 &lt;a href=&quot;%2&quot;&gt;Neu starten&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>mccig::console::MemorySecretStore</name>
    <message>
        <source>Secrets are not stored: they are kept only until the console closes</source>
        <translation>Geheimnisse werden nicht gespeichert: Sie bleiben nur bis zum Schließen der Konsole erhalten</translation>
    </message>
</context>
<context>
    <name>mccig::console::PlaygroundScreen</name>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Send the selected history entry again (Ctrl+Shift+Return)</source>
        <translation>Ausgewählten Verlaufseintrag erneut senden (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Replace the payload with the channel&apos;s template (Ctrl+T)</source>
        <translation>Nutzlast durch die Vorlage des Kanals ersetzen (Strg+T)</translation>
    </message>
    <message>
        <source>The profile has no tenant API keys: add one in Connections.</source>
        <translation>Das Profil hat keine Mandanten-API-Schlüssel: Fügen Sie unter Verbindungen einen hinzu.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Round trip: %1 ms</source>
        <translation>Umlaufzeit: %1 ms</translation>
    </message>
    <message>
        <source>line %1 — </source>
        <translation>Zeile %1 — </translation>
    </message>
    <message>
        <source>✓ Valid %1 payload (the server&apos;s own rules)</source>
        <translation>✓ Gültige %1-Nutzlast (nach den Regeln des Servers)</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the server would answer 400</source>
        <translation>
            <numerusform>%n Problem: Der Server würde mit 400 antworten</numerusform>
            <numerusform>%n Probleme: Der Server würde mit 400 antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>Save history</source>
        <translation>Verlauf speichern</translation>
    </message>
    <message>
        <source>History (*.json)</source>
        <translation>Verlauf (*.json)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Open history</source>
        <translation>Verlauf öffnen</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Antwortinhalt</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Antwort-Header</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Validation problems</source>
        <translation>Validierungsprobleme</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Tenant key</source>
        <translation>Mandanten-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send selected history entry &amp;again</source>
        <translation>Gewählten Verlaufseintrag &amp;erneut senden</translation>
    </message>
    <message>
        <source>Load &amp;template</source>
        <translation>&amp;Vorlage laden</translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation>Neue Nachrichten-&amp;ID</translation>
    </message>
    <message>
        <source>&amp;Save history…</source>
        <translation>Verlauf &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Open history…</source>
        <translation>Verlauf ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Insert a tab in the payload</source>
        <translation>Tabulator in die Nutzdaten einfügen</translation>
    </message>
    <message>
        <source>Tab moves to the next field; Ctrl+Tab inserts a tab</source>
        <translation>Tab springt zum nächsten Feld; Strg+Tab fügt einen Tabulator ein</translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>Noch nichts gesendet</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Provider secret</source>
        <translation>Anbieter-Geheimnis</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>Öffentliche URL</translation>
    </message>
    <message>
        <source>The secret stored for the tenant on the server, typed again here: the server never shows it back. Kept in memory only, until the console quits.</source>
        <translation>Das für den Mandanten auf dem Server gespeicherte Geheimnis, hier erneut eingegeben: Der Server zeigt es nie wieder an. Nur im Speicher gehalten, bis die Konsole beendet wird.</translation>
    </message>
    <message>
        <source>The gateway&apos;s base URL as the provider reaches it (its --public-url), which Twilio&apos;s signature covers; empty for the profile&apos;s server URL</source>
        <translation>Die Basis-URL des Gateways, wie der Anbieter es erreicht (sein --public-url), die Twilios Signatur abdeckt; leer für die Server-URL des Profils</translation>
    </message>
    <message>
        <source>Give the payload fresh message ids (Ctrl+I)</source>
        <translation>Der Nutzlast neue Nachrichten-IDs geben (Strg+I)</translation>
    </message>
    <message>
        <source>Gateway JSON</source>
        <translation>Gateway-JSON</translation>
    </message>
    <message>
        <source>Twilio SMS</source>
        <translation>Twilio-SMS</translation>
    </message>
    <message>
        <source>Twilio voice</source>
        <translation>Twilio Voice</translation>
    </message>
    <message>
        <source>WhatsApp Cloud</source>
        <translation>WhatsApp Cloud</translation>
    </message>
    <message>
        <source>Standard Webhooks</source>
        <translation>Standard Webhooks</translation>
    </message>
    <message>
        <source>whsec_…</source>
        <translation>whsec_…</translation>
    </message>
    <message>
        <source>the Meta app secret</source>
        <translation>das App-Geheimnis von Meta</translation>
    </message>
    <message>
        <source>the Twilio auth token</source>
        <translation>das Auth-Token von Twilio</translation>
    </message>
    <message>
        <source>Type the provider secret stored for the tenant: nothing was sent.</source>
        <translation>Geben Sie das für den Mandanten gespeicherte Anbieter-Geheimnis ein: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>A Standard Webhooks secret starts with whsec_: nothing was sent.</source>
        <translation>Ein Standard-Webhooks-Geheimnis beginnt mit whsec_: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>After whsec_ a Standard Webhooks secret is base64: nothing was sent.</source>
        <translation>Nach whsec_ ist ein Standard-Webhooks-Geheimnis Base64: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Twilio posts form fields: write them as a JSON object of strings. Nothing was sent.</source>
        <translation>Twilio sendet Formularfelder: Schreiben Sie sie als JSON-Objekt aus Zeichenketten. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The public URL must be an http:// or https:// URL with a host: nothing was sent.</source>
        <translation>Die öffentliche URL muss eine http://- oder https://-URL mit Host sein: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Twilio posts form fields: write them as a JSON object of strings</source>
        <translation>Twilio sendet Formularfelder: Schreiben Sie sie als JSON-Objekt aus Zeichenketten</translation>
    </message>
    <message>
        <source>A WhatsApp Cloud API delivery is a JSON object</source>
        <translation>Eine Zustellung der WhatsApp Cloud API ist ein JSON-Objekt</translation>
    </message>
    <message>
        <source>✓ Twilio&apos;s form fields, one JSON string each, sent form-encoded; the server maps them to a message of channel %1 and checks that</source>
        <translation>✓ Twilios Formularfelder, je eine JSON-Zeichenkette, formularkodiert gesendet; der Server bildet sie auf eine Nachricht des Kanals %1 ab und prüft diese</translation>
    </message>
    <message>
        <source>✓ A WhatsApp Cloud API delivery; the server maps each message in it to channel %1 and checks that</source>
        <translation>✓ Eine Zustellung der WhatsApp Cloud API; der Server bildet jede Nachricht darin auf den Kanal %1 ab und prüft diese</translation>
    </message>
</context>
<context>
    <name>mccig::console::RateLimitScreen</name>
    <message>
        <source>429s per tenant per second</source>
        <translation>429er pro Mandant und Sekunde</translation>
    </message>
    <message>
        <source>Burst tester</source>
        <translation>Lastspitzen-Test</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Tenant key</source>
        <translation>&amp;Mandanten-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Rate</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Dauer</translation>
    </message>
    <message>
        <source>&amp;Start burst</source>
        <translation>Lastspitze &amp;starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>Burst: answers per second</source>
        <translation>Lastspitze: Antworten pro Sekunde</translation>
    </message>
    <message>
        <source>Live data failed: %1</source>
        <translation>Live-Daten fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Buckets read from Redis directly, refreshed every second</source>
        <translation>Buckets direkt aus Redis gelesen, jede Sekunde aktualisiert</translation>
    </message>
    <message>
        <source>Buckets read through the admin API (no Redis URL in this profile)</source>
        <translation>Buckets über die Admin-API gelesen (keine Redis-URL in diesem Profil)</translation>
    </message>
    <message>
        <source>Accepted %1 · throttled (429) %2 · other %3</source>
        <translation>Angenommen %1 · gedrosselt (429) %2 · andere %3</translation>
    </message>
    <message>
        <source>Token buckets</source>
        <translation>Token-Buckets</translation>
    </message>
    <message>
        <source>Burst tenant</source>
        <translation>Burst-Mandant</translation>
    </message>
    <message>
        <source>Burst rate</source>
        <translation>Burst-Rate</translation>
    </message>
    <message>
        <source>Burst duration</source>
        <translation>Burst-Dauer</translation>
    </message>
</context>
<context>
    <name>mccig::console::ReplayOutcomeModel</name>
    <message>
        <source>202 accepted</source>
        <translation>202 angenommen</translation>
    </message>
    <message>
        <source>200 duplicate</source>
        <translation>200 Duplikat</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Fastest</source>
        <translation>Schnellste</translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation>Langsamste</translation>
    </message>
</context>
<context>
    <name>mccig::console::ReplayRun</name>
    <message>
        <source>cancelled after %1 of %2 answers</source>
        <translation>abgebrochen nach %1 von %2 Antworten</translation>
    </message>
    <message>
        <source>%1 sends from %2 concurrent senders</source>
        <translation>%1 Sendungen von %2 gleichzeitigen Sendern</translation>
    </message>
    <message>
        <source>200 duplicate: %1 (expected %2)</source>
        <translation>200 Duplikat: %1 (erwartet %2)</translation>
    </message>
    <message>
        <source>other answers: %1 (expected 0)</source>
        <translation>andere Antworten: %1 (erwartet 0)</translation>
    </message>
    <message>
        <source>GET /v1/admin/events/count?tenantId=%1&amp;channel=%2&amp;providerMessageId=%3 → %4 (expected 1)</source>
        <translation>GET /v1/admin/events/count?tenantId=%1&amp;channel=%2&amp;providerMessageId=%3 → %4 (erwartet 1)</translation>
    </message>
    <message>
        <source>stored rows: not verified</source>
        <translation>gespeicherte Zeilen: nicht geprüft</translation>
    </message>
    <message>
        <source>the server was unreachable for the count request (%1)</source>
        <translation>der Server war für die Zählabfrage nicht erreichbar (%1)</translation>
    </message>
    <message>
        <source>admin access was refused (HTTP %1): the stored rows could not be counted</source>
        <translation>der Admin-Zugang wurde abgelehnt (HTTP %1): die gespeicherten Zeilen konnten nicht gezählt werden</translation>
    </message>
    <message>
        <source>the count request answered HTTP %1</source>
        <translation>die Zählabfrage antwortete mit HTTP %1</translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) got no answer: the server was unreachable (%1)</source>
        <translation>
            <numerusform>%n Sendung erhielt keine Antwort: der Server war nicht erreichbar (%1)</numerusform>
            <numerusform>%n Sendungen erhielten keine Antwort: der Server war nicht erreichbar (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) were rejected as invalid (HTTP 400): fix the payload</source>
        <translation>
            <numerusform>%n Sendung wurde als ungültig abgelehnt (HTTP 400): Nutzdaten korrigieren</numerusform>
            <numerusform>%n Sendungen wurden als ungültig abgelehnt (HTTP 400): Nutzdaten korrigieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) were refused (HTTP %1): the tenant key is not accepted</source>
        <translation>
            <numerusform>%n Sendung wurde abgewiesen (HTTP %1): der Mandanten-Schlüssel wird nicht akzeptiert</numerusform>
            <numerusform>%n Sendungen wurden abgewiesen (HTTP %1): der Mandanten-Schlüssel wird nicht akzeptiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) were rate limited (HTTP 429): lower N or use another tenant</source>
        <translation>
            <numerusform>%n Sendung wurde gedrosselt (HTTP 429): N verringern oder einen anderen Mandanten nehmen</numerusform>
            <numerusform>%n Sendungen wurden gedrosselt (HTTP 429): N verringern oder einen anderen Mandanten nehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) answered neither 202 nor 200 (first: HTTP %1)</source>
        <translation>
            <numerusform>%n Sendung antwortete weder 202 noch 200 (erste: HTTP %1)</numerusform>
            <numerusform>%n Sendungen antworteten weder 202 noch 200 (erste: HTTP %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sends were accepted (202) where at most %2 may be</source>
        <translation>%1 Sendungen wurden angenommen (202), erlaubt sind höchstens %2</translation>
    </message>
    <message>
        <source>%1 rows were stored for one message</source>
        <translation>%1 Zeilen wurden für eine Nachricht gespeichert</translation>
    </message>
    <message>
        <source>the message id %1 was already used before this run, so no send could be the first: use a fresh id, or pin the id to re-check it</source>
        <translation>die Nachrichten-ID %1 wurde schon vor diesem Lauf verwendet, daher konnte keine Sendung die erste sein: eine neue ID verwenden oder die ID festhalten, um sie erneut zu prüfen</translation>
    </message>
    <message>
        <source>the gateway answered for the message but stored no row within %1 s</source>
        <translation>das Gateway hat die Nachricht beantwortet, aber binnen %1 s keine Zeile gespeichert</translation>
    </message>
    <message>
        <source>the answers do not match exactly-once delivery</source>
        <translation>die Antworten passen nicht zu genau einmaliger Zustellung</translation>
    </message>
    <message>
        <source>message id %1 pinned: an earlier run already sent it</source>
        <translation>Nachrichten-ID %1 festgehalten: ein früherer Lauf hat sie schon gesendet</translation>
    </message>
    <message>
        <source>202 accepted: %1 (expected %2)</source>
        <translation>202 angenommen: %1 (erwartet %2)</translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation>Grund: %1</translation>
    </message>
</context>
<context>
    <name>mccig::console::ReplayScreen</name>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Verifying through the admin API…</source>
        <translation>Prüfung über die Admin-API…</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ABGEBROCHEN</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The profile has no tenant API keys</source>
        <translation>Das Profil hat keine Mandanten-API-Schlüssel</translation>
    </message>
    <message>
        <source>Answers by status</source>
        <translation>Antworten nach Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Tenant key</source>
        <translation>Mandanten-Schlüssel</translation>
    </message>
    <message>
        <source>Sends (N)</source>
        <translation>Sendungen (N)</translation>
    </message>
    <message>
        <source>Concurrent senders (C)</source>
        <translation>Gleichzeitige Sender (C)</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>&amp;Run verification</source>
        <translation>Prüfung &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Cancel verification</source>
        <translation>Prüfung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>New message &amp;id</source>
        <translation>Neue Nachrichten-&amp;ID</translation>
    </message>
    <message>
        <source>No verification run yet</source>
        <translation>Noch keine Prüfung gelaufen</translation>
    </message>
    <message>
        <source>✔ PASS: exactly once</source>
        <translation>✔ BESTANDEN: genau einmal</translation>
    </message>
    <message>
        <source>✖ FAIL: %1</source>
        <translation>✖ FEHLGESCHLAGEN: %1</translation>
    </message>
    <message>
        <source>? INCONCLUSIVE: %1</source>
        <translation>? UNENTSCHIEDEN: %1</translation>
    </message>
</context>
<context>
    <name>mccig::console::ScreenshotTour</name>
    <message>
        <source>%1, wrong admin key</source>
        <translation>%1, falscher Admin-Schlüssel</translation>
    </message>
</context>
<context>
    <name>mccig::console::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Live &amp;refresh every</source>
        <translation>Live-&amp;Aktualisierung alle</translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Restart the console now to switch the language?</source>
        <translation>Konsole jetzt neu starten, um die Sprache zu wechseln?</translation>
    </message>
</context>
<context>
    <name>mccig::console::SettingsSecretStore</name>
    <message>
        <source>cannot write the settings file</source>
        <translation>die Einstellungsdatei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>No keychain is available: secrets are stored in plain text in %1</source>
        <translation>Kein Schlüsselbund verfügbar: Geheimnisse werden im Klartext in %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>mccig::console::StatsSeriesModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Rate-limited</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Persisted</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <source>Dead-lettered</source>
        <translation>In der DLQ</translation>
    </message>
</context>
<context>
    <name>mccig::console::TenantTableModel</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Rate-limited</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Accepted/s</source>
        <translation>Angenommen/s</translation>
    </message>
</context>
<context>
    <name>mccig::console::ThrottleSeriesModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
</TS>

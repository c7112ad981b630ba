<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>KitExport</name>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
</context>
<context>
    <name>ProjectFitController</name>
    <message>
        <source>%1 → %2 BPM</source>
        <translation>%1 → %2 BPM</translation>
    </message>
    <message>
        <source>%1 semitones</source>
        <translation>%1 Halbtöne</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Separate songs into stems and mine samples.</source>
        <translation>Songs in Stems zerlegen und Samples gewinnen.</translation>
    </message>
    <message>
        <source>Songs or folders to open.</source>
        <translation>Zu öffnende Songs oder Ordner.</translation>
    </message>
    <message>
        <source>Separation model file.</source>
        <translation>Datei des Trennungsmodells.</translation>
    </message>
    <message>
        <source>Do not download the model on first run.</source>
        <translation>Das Modell beim ersten Start nicht herunterladen.</translation>
    </message>
    <message>
        <source>Save a picture of the window and quit.</source>
        <translation>Ein Bild des Fensters speichern und beenden.</translation>
    </message>
    <message>
        <source>settings, export or shortcuts.</source>
        <translation>settings, export oder shortcuts.</translation>
    </message>
    <message>
        <source>Select FROM:TO seconds (screenshots).</source>
        <translation>VON:BIS Sekunden auswählen (Screenshots).</translation>
    </message>
    <message>
        <source>Show spectrograms (screenshots).</source>
        <translation>Spektrogramme zeigen (Screenshots).</translation>
    </message>
    <message>
        <source>Grab while separating (screenshots).</source>
        <translation>Während der Trennung aufnehmen (Screenshots).</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelDownloader</name>
    <message>
        <source>Another Stemcrate is already downloading the separation model to %1. Wait for it to finish, or pass --model PATH.</source>
        <translation>Eine andere Stemcrate-Instanz lädt das Trennungsmodell bereits nach %1 herunter. Warten Sie, bis sie fertig ist, oder geben Sie --model PATH an.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (the folder is not writable). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>Das Trennungsmodell konnte nicht in %1 gespeichert werden (der Ordner ist nicht beschreibbar). Geben Sie --model PATH an, um eine Modelldatei von einem anderen Ort zu verwenden.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>Das Trennungsmodell konnte nicht in %1 gespeichert werden (%2). Geben Sie --model PATH an, um eine Modelldatei von einem anderen Ort zu verwenden.</translation>
    </message>
    <message>
        <source>The model download was stopped. The %1 received so far are kept in %2, and the next start resumes from there.</source>
        <translation>Der Download des Modells wurde angehalten. Die bisher empfangenen %1 bleiben in %2 erhalten; beim nächsten Start wird dort fortgesetzt.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Free some disk space, or pass --model PATH.</source>
        <translation>Das Trennungsmodell konnte nicht in %1 gespeichert werden (%2). Geben Sie Speicherplatz frei oder geben Sie --model PATH an.</translation>
    </message>
    <message>
        <source>the server refused to resume the partial download</source>
        <translation>der Server hat das Fortsetzen des unvollständigen Downloads abgelehnt</translation>
    </message>
    <message>
        <source>the server resumed at the wrong place</source>
        <translation>der Server hat an der falschen Stelle fortgesetzt</translation>
    </message>
    <message>
        <source>the download ended after %1 of %2; starting again resumes it</source>
        <translation>der Download endete nach %1 von %2; ein erneuter Start setzt ihn fort</translation>
    </message>
    <message>
        <source>Could not move the downloaded model from %1 to %2 (%3).</source>
        <translation>Das heruntergeladene Modell konnte nicht von %1 nach %2 verschoben werden (%3).</translation>
    </message>
    <message>
        <source>the server sent a web page instead of the model file</source>
        <translation>der Server hat eine Webseite statt der Modelldatei gesendet</translation>
    </message>
    <message>
        <source>the server sent something that is not a PyTorch model file</source>
        <translation>der Server hat etwas gesendet, das keine PyTorch-Modelldatei ist</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>Zeitüberschreitung der Verbindung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannter Gesamtgröße</translation>
    </message>
    <message>
        <source>the connection broke off after %1 of %2; starting again resumes it</source>
        <translation>die Verbindung brach nach %1 von %2 ab; ein erneuter Start setzt den Download fort</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>no network connection</source>
        <translation>keine Netzwerkverbindung</translation>
    </message>
    <message>
        <source>secure connection failed: %1</source>
        <translation>sichere Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not download the separation model (%1). Download %2 on a connected machine and copy it to %3, or pass --model PATH.</source>
        <translation>Das Trennungsmodell konnte nicht heruntergeladen werden (%1). Laden Sie %2 auf einem Rechner mit Internetverbindung herunter und kopieren Sie es nach %3, oder geben Sie --model PATH an.</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelSetup</name>
    <message>
        <source>The separation model is ready.</source>
        <translation>Das Trennungsmodell ist bereit.</translation>
    </message>
    <message>
        <source>The separation model file &apos;%1&apos; does not exist. Choose the model file, or download the default model.</source>
        <translation>Die Datei des Trennungsmodells „%1“ existiert nicht. Wählen Sie die Modelldatei aus oder laden Sie das Standardmodell herunter.</translation>
    </message>
    <message>
        <source>Stemcrate needs its separation model (about 320 MB) once. Download it, or put %1 at %2.</source>
        <translation>Stemcrate benötigt einmalig sein Trennungsmodell (ca. 320 MB). Laden Sie es herunter oder legen Sie %1 unter %2 ab.</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>Trennungsmodell</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch-Checkpoints (*.pt *.pth);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelStore</name>
    <message>
        <source>The model file %1 does not exist. Check the path given with --model or in the settings (%2).</source>
        <translation>Die Modelldatei %1 existiert nicht. Prüfen Sie den mit --model oder in den Einstellungen angegebenen Pfad (%2).</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ChopPanel</name>
    <message>
        <source>Chop</source>
        <translation>Choppen</translation>
    </message>
    <message>
        <source>Export slices…</source>
        <translation>Slices exportieren…</translation>
    </message>
    <message>
        <source>Equal parts</source>
        <translation>Gleiche Teile</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Beats</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>Transienten</translation>
    </message>
    <message>
        <source>Select a region on a lane, then Chop. Keys 1-9 and 0 play the slices.</source>
        <translation>Einen Bereich auf einer Spur auswählen, dann „Choppen“. Die Tasten 1-9 und 0 spielen die Slices.</translation>
    </message>
    <message>
        <source>Select a region on a lane first.</source>
        <translation>Zuerst einen Bereich auf einer Spur auswählen.</translation>
    </message>
    <message>
        <source>That part is still being separated.</source>
        <translation>Dieser Teil wird noch getrennt.</translation>
    </message>
    <message>
        <source>Chopping…</source>
        <translation>Wird gechoppt…</translation>
    </message>
    <message>
        <source>Cannot chop: %1</source>
        <translation>Choppen nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s): keys 1-9 and 0 or the pads play them.</source>
        <translation>
            <numerusform>%n Slice: Die Tasten 1-9 und 0 oder die Pads spielen es ab.</numerusform>
            <numerusform>%n Slices: Die Tasten 1-9 und 0 oder die Pads spielen sie ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting slices…</source>
        <translation>Slices werden exportiert…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportDialog</name>
    <message>
        <source>Export Selection</source>
        <translation>Auswahl exportieren</translation>
    </message>
    <message>
        <source>WAV</source>
        <translation>WAV</translation>
    </message>
    <message>
        <source>FLAC</source>
        <translation>FLAC</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Bit depth:</source>
        <translation>Bittiefe:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Fade in:</source>
        <translation>Einblenden:</translation>
    </message>
    <message>
        <source>Fade out:</source>
        <translation>Ausblenden:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Dateiname:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Bibliotheksordner:</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 Bit</translation>
    </message>
    <message>
        <source>24-bit</source>
        <translation>24 Bit</translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation>32 Bit Float</translation>
    </message>
    <message>
        <source>Loop (seamless wrap, loop points in the file)</source>
        <translation>Loop (nahtloser Übergang, Loop-Punkte in der Datei)</translation>
    </message>
    <message>
        <source>As heard (the audible stems with their gains)</source>
        <translation>Wie gehört (die hörbaren Stems mit ihrem Gain)</translation>
    </message>
    <message>
        <source>Tokens: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</source>
        <translation>Platzhalter: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::FindSamplesPanel</name>
    <message>
        <source>Open a song: loop suggestions appear as its stems are separated.</source>
        <translation>Öffnen Sie einen Song: Loop-Vorschläge erscheinen, während seine Stems getrennt werden.</translation>
    </message>
    <message>
        <source>Waiting for separated stems…</source>
        <translation>Warten auf getrennte Stems…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n bar(s) · %2 BPM</source>
        <translation>
            <numerusform>%1 · %n Takt · %2 BPM</numerusform>
            <numerusform>%1 · %n Takte · %2 BPM</numerusform>
        </translation>
    </message>
    <message>
        <source>Start %1 s, score %2. Click to audition, Return or Ctrl+E to export, drag out.</source>
        <translation>Start %1 s, Bewertung %2. Klicken zum Vorhören, Eingabetaste oder Ctrl+E zum Exportieren, herausziehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n Vorschlag</numerusform>
            <numerusform>%n Vorschläge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) so far (separating…)</source>
        <translation>
            <numerusform>Bisher %n Vorschlag (Trennung läuft…)</numerusform>
            <numerusform>Bisher %n Vorschläge (Trennung läuft…)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::KitPanel</name>
    <message>
        <source>Find one-shots</source>
        <translation>One-Shots finden</translation>
    </message>
    <message>
        <source>Export kit…</source>
        <translation>Kit exportieren…</translation>
    </message>
    <message>
        <source>Find the one-shots of the drums stem (or of the mix without stems).</source>
        <translation>Die One-Shots im Drums-Stem finden (oder im Mix, wenn es keine Stems gibt).</translation>
    </message>
    <message>
        <source>Wait for the separation to finish.</source>
        <translation>Warten Sie, bis die Trennung abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Open a song first.</source>
        <translation>Öffnen Sie zuerst einen Song.</translation>
    </message>
    <message>
        <source>Finding one-shots in %1…</source>
        <translation>One-Shots in %1 werden gesucht…</translation>
    </message>
    <message>
        <source>Cannot find one-shots: %1</source>
        <translation>One-Shots können nicht gesucht werden: %1</translation>
    </message>
    <message>
        <source>%1 ×%2 · %3 s · confidence %4</source>
        <translation>%1 ×%2 · %3 s · Konfidenz %4</translation>
    </message>
    <message>
        <source>%1 hits in %2 groups</source>
        <translation>%1 Hits in %2 Gruppen</translation>
    </message>
    <message>
        <source>Exporting the kit…</source>
        <translation>Kit wird exportiert…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LaneStrip</name>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>%1 solo schalten</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>%1 stummschalten</translation>
    </message>
    <message>
        <source>Gain: 0.0 dB</source>
        <translation>Gain: 0.0 dB</translation>
    </message>
    <message>
        <source>Gain: %1 dB</source>
        <translation>Gain: %1 dB</translation>
    </message>
    <message>
        <source>Gain: off</source>
        <translation>Gain: aus</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryFilterBar</name>
    <message>
        <source>Search name, stem, class, key, song…</source>
        <translation>Name, Stem, Kategorie, Tonart, Song suchen…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Any key</source>
        <translation>Alle Tonarten</translation>
    </message>
    <message>
        <source>Compatible keys</source>
        <translation>Kompatible Tonarten</translation>
    </message>
    <message>
        <source>Also the keys next to it on the Camelot wheel and its relative key</source>
        <translation>Auch die Nachbartonarten auf dem Camelot-Rad und die Paralleltonart</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Loops</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Slices</translation>
    </message>
    <message>
        <source>One-shots</source>
        <translation>One-Shots</translation>
    </message>
    <message>
        <source>Any stem</source>
        <translation>Alle Stems</translation>
    </message>
    <message>
        <source>Drums</source>
        <translation>Drums</translation>
    </message>
    <message>
        <source>Bass</source>
        <translation>Bass</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>Vocals</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Mix</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryIndexer</name>
    <message>
        <source>The library index is rebuilt: %1</source>
        <translation>Der Bibliotheksindex wird neu aufgebaut: %1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryModel</name>
    <message>
        <source>loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <source>slice</source>
        <translation>Slice</translation>
    </message>
    <message>
        <source>one-shot</source>
        <translation>One-Shot</translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation>%1 LUFS</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>Nicht abspielbar: %1</translation>
    </message>
    <message>
        <source>BPM from the file name</source>
        <translation>BPM aus dem Dateinamen</translation>
    </message>
    <message>
        <source>BPM estimated from the audio</source>
        <translation>BPM aus dem Audio geschätzt</translation>
    </message>
    <message>
        <source>Key from the file name</source>
        <translation>Tonart aus dem Dateinamen</translation>
    </message>
    <message>
        <source>Key estimated from the audio</source>
        <translation>Tonart aus dem Audio geschätzt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonart</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Takte</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Lautheit</translation>
    </message>
    <message>
        <source>Source Song</source>
        <translation>Quellsong</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryPanel</name>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>In den Papierkorb legen</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>Samples in %1</translation>
    </message>
    <message>
        <source>Could not move &apos;%1&apos; to the trash.</source>
        <translation>„%1“ konnte nicht in den Papierkorb verschoben werden.</translation>
    </message>
    <message>
        <source>Moved &apos;%1&apos; to the trash.</source>
        <translation>„%1“ wurde in den Papierkorb verschoben.</translation>
    </message>
    <message>
        <source>Find Similar</source>
        <translation>Ähnliche finden</translation>
    </message>
    <message>
        <source>List the samples that sound most like the selected one</source>
        <translation>Die Samples auflisten, die dem ausgewählten am ähnlichsten klingen</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Select a sample to find similar ones.</source>
        <translation>Wählen Sie ein Sample aus, um ähnliche zu finden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be analysed, so nothing can be compared with it.</source>
        <translation>„%1“ konnte nicht analysiert werden, daher lässt sich nichts damit vergleichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) most like &apos;%1&apos;</source>
        <translation>
            <numerusform>%n Sample, das „%1“ am ähnlichsten ist</numerusform>
            <numerusform>%n Samples, die „%1“ am ähnlichsten sind</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n Sample</numerusform>
            <numerusform>%n Samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sample(s)</source>
        <translation>
            <numerusform>%1 von %n Sample</numerusform>
            <numerusform>%1 von %n Samples</numerusform>
        </translation>
    </message>
    <message>
        <source> · reading the folder…</source>
        <translation> · Ordner wird gelesen…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MainWindow</name>
    <message>
        <source>Stemcrate</source>
        <translation>Stemcrate</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Drop songs here</source>
        <translation>Songs hierher ziehen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Songs</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>Auswahl e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
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
        <source>Loop Selection</source>
        <translation>Auswahl loopen</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>Zum Anfang</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>Zum Ende</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom to Fit</source>
        <translation>Ganzen Song zeigen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Nudge Selection Left</source>
        <translation>Auswahl nach links schieben</translation>
    </message>
    <message>
        <source>Nudge Selection Right</source>
        <translation>Auswahl nach rechts schieben</translation>
    </message>
    <message>
        <source>Move Selection End Left</source>
        <translation>Auswahlende nach links schieben</translation>
    </message>
    <message>
        <source>Move Selection End Right</source>
        <translation>Auswahlende nach rechts schieben</translation>
    </message>
    <message>
        <source>Delete (song, sample or selection)</source>
        <translation>Löschen (Song, Sample oder Auswahl)</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>Cycle Snapping</source>
        <translation>Einrastmodus wechseln</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>A&amp;uswahl</translation>
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
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Snap: </source>
        <translation>Einrasten: </translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Zero crossings</source>
        <translation>Nulldurchgänge</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Beats</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>Transienten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No audio files found in %1.</source>
        <translation>Keine Audiodateien in %1 gefunden.</translation>
    </message>
    <message>
        <source>%1 — Stemcrate</source>
        <translation>%1 — Stemcrate</translation>
    </message>
    <message>
        <source>Open Songs</source>
        <translation>Songs öffnen</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)</source>
        <translation>Audiodateien (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>Zuerst einen Bereich auswählen: über eine Spur ziehen.</translation>
    </message>
    <message>
        <source>That part of the stem is still being separated.</source>
        <translation>Dieser Teil des Stems wird noch getrennt.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>   selection %1 – %2 (%3 s)</source>
        <translation>   Auswahl %1 – %2 (%3 s)</translation>
    </message>
    <message>
        <source>%1 BPM</source>
        <translation>%1 BPM</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>as heard</source>
        <translation>wie gehört</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MessageArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MiningPanels</name>
    <message>
        <source>Find Samples</source>
        <translation>Samples finden</translation>
    </message>
    <message>
        <source>Chop</source>
        <translation>Chop</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Sample-Mining</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ModelBanner</name>
    <message>
        <source>Download Model</source>
        <translation>Modell herunterladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose Model File…</source>
        <translation>Modelldatei auswählen…</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1 of %2</source>
        <translation>Trennungsmodell wird heruntergeladen: %1 von %2</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1</source>
        <translation>Trennungsmodell wird heruntergeladen: %1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ProjectFitBar</name>
    <message>
        <source>Project:</source>
        <translation>Projekt:</translation>
    </message>
    <message>
        <source>Song tempo</source>
        <translation>Originaltempo</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>The tempo of the track you are making: previews and exports are stretched to it</source>
        <translation>Das Tempo des Tracks, an dem Sie arbeiten: Vorhören und Exporte werden per Time-Stretching daran angepasst</translation>
    </message>
    <message>
        <source>Song key</source>
        <translation>Originaltonart</translation>
    </message>
    <message>
        <source>The key of the track you are making: previews and exports are shifted into it (the nearest way, at most 6 semitones)</source>
        <translation>Die Tonart des Tracks, an dem Sie arbeiten: Vorhören und Exporte werden in diese Tonart transponiert (auf dem kürzesten Weg, höchstens 6 Halbtöne)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Bibliotheksordner:</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>the downloaded default model</source>
        <translation>das heruntergeladene Standardmodell</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>Modelldatei:</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>Trennungsmodell</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch-Checkpoints (*.pt *.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>WAV 16-bit</source>
        <translation>WAV 16 Bit</translation>
    </message>
    <message>
        <source>WAV 24-bit</source>
        <translation>WAV 24 Bit</translation>
    </message>
    <message>
        <source>WAV 32-bit float</source>
        <translation>WAV 32 Bit Float</translation>
    </message>
    <message>
        <source>FLAC 16-bit</source>
        <translation>FLAC 16 Bit</translation>
    </message>
    <message>
        <source>FLAC 24-bit</source>
        <translation>FLAC 24 Bit</translation>
    </message>
    <message>
        <source>Export format:</source>
        <translation>Exportformat:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Stem cache limit:</source>
        <translation>Stem-Cache-Limit:</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemeinstellung</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 belegt</translation>
    </message>
    <message>
        <source>clearing…</source>
        <translation>wird geleert…</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>wird gemessen…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Select a region</source>
        <translation>Bereich auswählen</translation>
    </message>
    <message>
        <source>Drag on any lane</source>
        <translation>Auf einer beliebigen Spur ziehen</translation>
    </message>
    <message>
        <source>Drag the selection out as a WAV</source>
        <translation>Auswahl als WAV herausziehen</translation>
    </message>
    <message>
        <source>Drag from inside the selection</source>
        <translation>Aus der Auswahl heraus ziehen</translation>
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Mausrad</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Scrollen</translation>
    </message>
    <message>
        <source>Shift+wheel, horizontal wheel</source>
        <translation>Shift+Mausrad, horizontales Mausrad</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>Abspielposition setzen</translation>
    </message>
    <message>
        <source>Click a lane or the ruler</source>
        <translation>Auf eine Spur oder das Lineal klicken</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongList</name>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>decoding %1 %</source>
        <translation>Dekodieren %1 %</translation>
    </message>
    <message>
        <source>waiting for the separation model</source>
        <translation>wartet auf das Trennungsmodell</translation>
    </message>
    <message>
        <source>separating %1 %</source>
        <translation>Trennen %1 %</translation>
    </message>
    <message>
        <source>separating %1 % — %2:%3 left</source>
        <translation>Trennen %1 % — noch %2:%3</translation>
    </message>
    <message>
        <source>done (from cache)</source>
        <translation>fertig (aus dem Cache)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongQueue</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TempoKeyBar</name>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Tempo: type the right one if the detected tempo is wrong</source>
        <translation>Tempo: das richtige eingeben, falls das erkannte Tempo falsch ist</translation>
    </message>
    <message>
        <source>×2</source>
        <translation>×2</translation>
    </message>
    <message>
        <source>Double the tempo</source>
        <translation>Tempo verdoppeln</translation>
    </message>
    <message>
        <source>÷2</source>
        <translation>÷2</translation>
    </message>
    <message>
        <source>Halve the tempo</source>
        <translation>Tempo halbieren</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Tap</translation>
    </message>
    <message>
        <source>Tap along with the beat to set the tempo</source>
        <translation>Im Takt mittippen, um das Tempo festzulegen</translation>
    </message>
    <message>
        <source>Key: pick or type the right one (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;8A&quot;); — for none</source>
        <translation>Tonart: die richtige auswählen oder eingeben (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;8A&quot;); — für keine</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the detected tempo and key</source>
        <translation>Zurück zum erkannten Tempo und zur erkannten Tonart</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TimelineView</name>
    <message>
        <source>mix</source>
        <translation>Mix</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::Transport</name>
    <message>
        <source>No audio output device: playback is off. Everything else works.</source>
        <translation>Kein Audioausgang: Die Wiedergabe ist aus. Alles andere funktioniert.</translation>
    </message>
    <message>
        <source>The audio output &apos;%1&apos; does not play 44.1 kHz stereo: playback is off.</source>
        <translation>Der Audioausgang „%1“ unterstützt kein Stereo mit 44,1 kHz: Die Wiedergabe ist aus.</translation>
    </message>
</context>
</TS>

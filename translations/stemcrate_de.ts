<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Select a region first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the library folder &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Separate songs into stems and mine samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs or folders to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separation model file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not download the model on first run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings, export or shortcuts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select FROM:TO seconds (screenshots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show spectrograms (screenshots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grab while separating (screenshots).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelDownloader</name>
    <message>
        <source>Another Stemcrate is already downloading the separation model to %1. Wait for it to finish, or pass --model PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (the folder is not writable). Pass --model PATH to use a model file from elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Pass --model PATH to use a model file from elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model download was stopped. The %1 received so far are kept in %2, and the next start resumes from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Free some disk space, or pass --model PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused to resume the partial download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server resumed at the wrong place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the download ended after %1 of %2; starting again resumes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the downloaded model from %1 to %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent a web page instead of the model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent something that is not a PyTorch model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection broke off after %1 of %2; starting again resumes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no network connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secure connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not download the separation model (%1). Download %2 on a connected machine and copy it to %3, or pass --model PATH.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stemcrate needs its separation model (about 320 MB) once. Download it, or put %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelStore</name>
    <message>
        <source>The model file %1 does not exist. Check the path given with --model or in the settings (%2).</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAC</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <source>Mark as a loop</source>
        <translation>Als Loop markieren</translation>
    </message>
    <message>
        <source>Tokens: {song} {stem} {start} {length}</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LaneStrip</name>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gain: 0.0 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gain: %1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gain: off</source>
        <translation type="unfinished"></translation>
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
        <translation>In den Papierkorb</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>Samples in %1</translation>
    </message>
    <message>
        <source>Could not move &apos;%1&apos; to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved &apos;%1&apos; to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MainWindow</name>
    <message>
        <source>Stemcrate</source>
        <translation type="unfinished">Stemcrate</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished">Bereit</translation>
    </message>
    <message>
        <source>Drop songs here</source>
        <translation type="unfinished">Songs hierher ziehen</translation>
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
        <translation type="unfinished">&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>Auswahl &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished">&amp;Beenden</translation>
    </message>
    <message>
        <source>Loop Selection</source>
        <translation>Auswahl wiederholen</translation>
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
        <translation>Ganzer Song</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
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
        <translation>Auswahlende nach links</translation>
    </message>
    <message>
        <source>Move Selection End Right</source>
        <translation>Auswahlende nach rechts</translation>
    </message>
    <message>
        <source>Delete (song, sample or selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>Cycle Snapping</source>
        <translation>Einrasten umschalten</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished">&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>&amp;Auswahl</translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio files found in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Stemcrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Songs</source>
        <translation type="unfinished">Songs öffnen</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)</source>
        <translation type="unfinished">Audiodateien (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>Erst einen Bereich wählen: über eine Spur ziehen.</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   selection %1 – %2 (%3 s)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the separation model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the downloaded default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>Modelldatei:</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV 24-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV 32-bit float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAC 16-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAC 24-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export format:</source>
        <translation>Exportformat:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Stem cache limit:</source>
        <translation>Stem-Cache-Grenze:</translation>
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
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 belegt</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on any lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the selection out as a WAV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag from inside the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+wheel, horizontal wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a lane or the ruler</source>
        <translation type="unfinished"></translation>
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
        <translation>dekodiere %1 %</translation>
    </message>
    <message>
        <source>waiting for the separation model</source>
        <translation>wartet auf das Trennungsmodell</translation>
    </message>
    <message>
        <source>separating %1 %</source>
        <translation>trenne %1 %</translation>
    </message>
    <message>
        <source>separating %1 % — %2:%3 left</source>
        <translation>trenne %1 % — noch %2:%3</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the separation model could not be loaded: %1</source>
        <translation type="unfinished"></translation>
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
        <translation>Kein Audioausgang: Wiedergabe ist aus. Alles andere funktioniert.</translation>
    </message>
    <message>
        <source>The audio output &apos;%1&apos; does not play 44.1 kHz stereo: playback is off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

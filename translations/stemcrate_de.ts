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
    <message numerus="yes">
        <source>+%n semitone(s)</source>
        <comment>a shift up</comment>
        <translation>
            <numerusform>+%n Halbton</numerusform>
            <numerusform>+%n Halbtöne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-%n semitone(s)</source>
        <comment>a shift down</comment>
        <translation>
            <numerusform>-%n Halbton</numerusform>
            <numerusform>-%n Halbtöne</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 semitones</source>
        <comment>a fractional shift, e.g. +1.5</comment>
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
    <name>stemcrate-cli</name>
    <message>
        <source>Prints one JSON object per file (one line each): path, duration_s, bpm, bpm_confidence,
tempo_source, beats_s, downbeats_s, key, key_camelot, key_confidence, loudness_lufs,
true_peak_dbtp, onsets_s, loops [{start_s, end_s, bars, score}] and, with --stems, stems
[{name, loudness_lufs, true_peak_dbtp, onsets_s, loops}]. Unknown values are null; key is null for
material without tonal content (drums).
  --stems DIR        analyse the stems &apos;stemcrate-cli separate -o DIR&apos; wrote for each FILE
                     (DIR/&lt;file name&gt;/{drums,bass,other,vocals}.wav or .flac)
  --sensitivity S    onset sensitivity, 0 (strongest hits only) to 1 (default 0.5)
  --bpm BPM          the tempo is BPM (20-400): the beat grid is laid at it over the detected
                     one, and loops follow it (tempo_source &quot;user&quot;)
  --key KEY          the key is KEY (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;Eb&quot;, Camelot &quot;8A&quot;)
</source>
        <translation>Gibt pro Datei ein JSON-Objekt aus (je eine Zeile): path, duration_s, bpm, bpm_confidence,
tempo_source, beats_s, downbeats_s, key, key_camelot, key_confidence, loudness_lufs,
true_peak_dbtp, onsets_s, loops [{start_s, end_s, bars, score}] und, mit --stems, stems
[{name, loudness_lufs, true_peak_dbtp, onsets_s, loops}]. Unbekannte Werte sind null; key ist null bei
Material ohne tonalen Inhalt (Drums).
  --stems DIR        die Stems analysieren, die &apos;stemcrate-cli separate -o DIR&apos; für jede Datei FILE schrieb
                     (DIR/&lt;Dateiname&gt;/{drums,bass,other,vocals}.wav oder .flac)
  --sensitivity S    Onset-Empfindlichkeit, 0 (nur die stärksten Hits) bis 1 (Standard 0.5)
  --bpm BPM          das Tempo ist BPM (20-400): das Beat-Raster wird damit über das erkannte
                     gelegt, und die Loops folgen ihm (tempo_source &quot;user&quot;)
  --key KEY          die Tonart ist KEY (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;Eb&quot;, Camelot &quot;8A&quot;)
</translation>
    </message>
    <message>
        <source>no %1 stem in %2</source>
        <translation>kein %1-Stem in %2</translation>
    </message>
    <message>
        <source>no FILE given</source>
        <translation>keine Datei FILE angegeben</translation>
    </message>
    <message>
        <source>--sensitivity must be a number from 0 to 1</source>
        <translation>--sensitivity muss eine Zahl von 0 bis 1 sein</translation>
    </message>
    <message>
        <source>--bpm needs a tempo from 20 to 400, got &apos;%1&apos;</source>
        <translation>--bpm braucht ein Tempo von 20 bis 400, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--key needs a key such as &quot;F# minor&quot;, &quot;Bbm&quot; or &quot;8A&quot;, got &apos;%1&apos;</source>
        <translation>--key braucht eine Tonart wie &quot;F# minor&quot;, &quot;Bbm&quot; oder &quot;8A&quot;, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--stems: &apos;%1&apos; is not a folder</source>
        <translation>--stems: &apos;%1&apos; ist kein Ordner</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>Option --%1 nimmt keinen Wert an</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>Option %1 braucht einen Wert</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>Writes the region [start, end) of INPUT (decoded to 44.1 kHz stereo) and prints the path written.
  --fade-ms MS        fade in and out (default 0); --fade-in-ms / --fade-out-ms set one side
  --fade-curve C      linear (default) or equal-power
  --loop              click-free wrap (crossfade, length kept) and loop points in the file
  --snap MODE         move both edges to the nearest zero crossing (default off)
  --snap-window-ms MS how far to look for it (default 10)
  --format F          default: from OUTPUT&apos;s extension, else wav
  --bit-depth D       default 32f for wav (a sample-exact copy), 24 for flac and aiff
  --no-dither         no TPDF dither when writing 16 or 24 bit
  --normalize         scale the peak to --peak-db (default -0.1 dBFS)
  --stem, --bpm, --key  tags (default: stem = INPUT&apos;s name, bpm and key from INPUT&apos;s tags)
  --name TEMPLATE     file name when -o is a folder (default
                      &quot;{artist} - {title} - {stem} - {bpm}bpm {key} - {index}&quot;)
</source>
        <translation>Schreibt den Bereich [start, end) von INPUT (dekodiert zu 44,1 kHz Stereo) und gibt den geschriebenen Pfad aus.
  --fade-ms MS        Ein- und Ausblenden (Standard 0); --fade-in-ms / --fade-out-ms setzen nur eine Seite
  --fade-curve C      linear (Standard) oder equal-power
  --loop              klickfreier Übergang (Crossfade, Länge bleibt gleich) und Loop-Punkte in der Datei
  --snap MODE         beide Ränder auf den nächsten Nulldurchgang verschieben (Standard off)
  --snap-window-ms MS wie weit danach gesucht wird (Standard 10)
  --format F          Standard: aus der Endung von OUTPUT, sonst wav
  --bit-depth D       Standard 32f für wav (eine samplegenaue Kopie), 24 für flac und aiff
  --no-dither         kein TPDF-Dither beim Schreiben mit 16 oder 24 Bit
  --normalize         den Spitzenpegel auf --peak-db skalieren (Standard -0.1 dBFS)
  --stem, --bpm, --key  Tags (Standard: stem = Name von INPUT, bpm und key aus den Tags von INPUT)
  --name TEMPLATE     Dateiname, wenn -o ein Ordner ist (Standard
                      &quot;{artist} - {title} - {stem} - {bpm}bpm {key} - {index}&quot;)
</translation>
    </message>
    <message>
        <source>--%1 needs milliseconds between 0 and 60000, got &apos;%2&apos;</source>
        <translation>--%1 braucht Millisekunden zwischen 0 und 60000, erhalten: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>no INPUT file given</source>
        <translation>keine INPUT-Datei angegeben</translation>
    </message>
    <message>
        <source>give exactly one INPUT file</source>
        <translation>genau eine INPUT-Datei angeben</translation>
    </message>
    <message>
        <source>missing --%1 SECONDS</source>
        <translation>--%1 SECONDS fehlt</translation>
    </message>
    <message>
        <source>--%1 needs seconds between 0 and 10800, got &apos;%2&apos;</source>
        <translation>--%1 braucht Sekunden zwischen 0 und 10800, erhalten: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--end must be after --start</source>
        <translation>--end muss nach --start liegen</translation>
    </message>
    <message>
        <source>--fade-curve must be linear or equal-power, got &apos;%1&apos;</source>
        <translation>--fade-curve muss linear oder equal-power sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--snap must be off, any or rising, got &apos;%1&apos;</source>
        <translation>--snap muss off, any oder rising sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--peak-db needs dBFS between -99 and 0, got &apos;%1&apos;</source>
        <translation>--peak-db braucht dBFS zwischen -99 und 0, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--format must be wav, flac or aiff, got &apos;%1&apos;</source>
        <translation>--format muss wav, flac oder aiff sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--bit-depth must be 16, 24 or 32f, got &apos;%1&apos;</source>
        <translation>--bit-depth muss 16, 24 oder 32f sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--bpm braucht ein Tempo zwischen 1 und 999, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>missing -o OUTPUT_FILE_OR_DIR</source>
        <translation>-o OUTPUT_FILE_OR_DIR fehlt</translation>
    </message>
    <message>
        <source>the region ends at %1 s, after the end of the audio (%2 s)</source>
        <translation>der Bereich endet bei %1 s, nach dem Ende des Audios (%2 s)</translation>
    </message>
    <message>
        <source>%1 cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>%1 kann kein 32-Bit-Float speichern; verwenden Sie --bit-depth 16 oder 24</translation>
    </message>
    <message>
        <source>usage: stemcrate-cli &lt;command&gt; [options]

commands:
  separate   split songs into drums, bass, other and vocals stems
  probe      print format, length and tags of audio files as JSON lines
  export     cut a region of an audio file into a sample (WAV, FLAC, AIFF)
  analyze    tempo, beats, key, loudness, onsets and loops of audio files as JSON lines
  loops      ranked 1/2/4/8-bar loop suggestions per stem as JSON lines
  chop       slice a region (equal parts, beats, transients) into samples + SFZ/Decent Sampler
  oneshots   extract, classify and group the hits of a stem into a drum kit + SFZ/Decent Sampler
  similar    the samples of a library folder that sound most like a file, as JSON lines
  stretch    time-stretch and pitch-shift a file to a tempo and key (Rubber Band R3)

Run &apos;stemcrate-cli &lt;command&gt; --help&apos; for a command&apos;s options.
</source>
        <translation>Aufruf: stemcrate-cli &lt;command&gt; [options]

Befehle:
  separate   Songs in die Stems Drums, Bass, Other und Vocals zerlegen
  probe      Format, Länge und Tags von Audiodateien als JSON-Zeilen ausgeben
  export     einen Bereich einer Audiodatei als Sample herausschneiden (WAV, FLAC, AIFF)
  analyze    Tempo, Beats, Tonart, Lautheit, Onsets und Loops von Audiodateien als JSON-Zeilen
  loops      nach Bewertung sortierte Loop-Vorschläge (1/2/4/8 Takte) pro Stem als JSON-Zeilen
  chop       einen Bereich in Slices zerlegen (gleiche Teile, Beats, Transienten) + SFZ/Decent Sampler
  oneshots   die Hits eines Stems extrahieren, klassifizieren und zu einem Drum-Kit gruppieren + SFZ/Decent Sampler
  similar    die Samples eines Bibliotheksordners, die einer Datei am ähnlichsten klingen, als JSON-Zeilen
  stretch    eine Datei per Time-Stretching und Pitch-Shifting an Tempo und Tonart anpassen (Rubber Band R3)

Mit &apos;stemcrate-cli &lt;command&gt; --help&apos; werden die Optionen eines Befehls angezeigt.
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Prints ranked 1, 2, 4 and 8-bar loop suggestions on downbeats, one JSON object per line: path,
stem, start_s, end_s, bars, score (0..1), bpm, key (null when unknown or for drums).
  --stems DIR   suggest loops in the stems &apos;stemcrate-cli separate -o DIR&apos; wrote for each INPUT
                (the beat grid from the drums); without it, in INPUT itself (stem &quot;mix&quot;)
</source>
        <translation>Gibt nach Bewertung sortierte Loop-Vorschläge mit 1, 2, 4 und 8 Takten auf Downbeats aus, ein JSON-Objekt pro Zeile: path,
stem, start_s, end_s, bars, score (0..1), bpm, key (null, wenn unbekannt oder bei Drums).
  --stems DIR   Loops in den Stems vorschlagen, die &apos;stemcrate-cli separate -o DIR&apos; für jede INPUT-Datei schrieb
                (das Beat-Raster kommt aus den Drums); ohne die Option in INPUT selbst (Stem &quot;mix&quot;)
</translation>
    </message>
    <message>
        <source>Cuts the region [start, end) of INPUT into slices and writes DIR/&lt;name&gt;-01.wav ... (24-bit WAV,
short fades, boundaries on zero crossings) plus DIR/&lt;name&gt;.sfz and DIR/&lt;name&gt;.dspreset mapping them
chromatically from C1 (MIDI 36). Prints one JSON line per slice: index, start_s, end_s, note, file.
  --slices N      N equal parts (1 to 92)
  --beats         one slice per beat (the beat grid of the whole INPUT)
  --transients    a slice at every transient
  --sensitivity S transient sensitivity, 0 (strongest only) to 1 (default 0.5)
  --name NAME     file name stem (default: INPUT&apos;s name)
</source>
        <translation>Schneidet den Bereich [start, end) von INPUT in Slices und schreibt DIR/&lt;name&gt;-01.wav ... (24-Bit-WAV,
kurze Fades, Schnittpunkte auf Nulldurchgängen) sowie DIR/&lt;name&gt;.sfz und DIR/&lt;name&gt;.dspreset, die sie
chromatisch ab C1 (MIDI 36) auf Tasten legen. Gibt pro Slice eine JSON-Zeile aus: index, start_s, end_s, note, file.
  --slices N      N gleiche Teile (1 bis 92)
  --beats         ein Slice pro Beat (das Beat-Raster des ganzen INPUT)
  --transients    ein Slice an jeder Transiente
  --sensitivity S Transienten-Empfindlichkeit, 0 (nur die stärksten) bis 1 (Standard 0.5)
  --name NAME     Basis des Dateinamens (Standard: Name von INPUT)
</translation>
    </message>
    <message>
        <source>Detects every hit of each INPUT (a drums stem, say), trims it from its onset to the end of its
decay, classifies it (kick, snare, clap, hat_closed, hat_open, cymbal, tom, perc, tonal) and groups
near-duplicates. Writes a kit per INPUT into DIR: &lt;name&gt;-&lt;class&gt;-&lt;n&gt;.wav, one per group (its cleanest
hit), plus &lt;name&gt;.sfz and &lt;name&gt;.dspreset on General MIDI drum notes (&lt;name&gt; = INPUT&apos;s name).
Prints one JSON line per hit: path, start_s, class, confidence, group, file (its group&apos;s sample).
  --sensitivity S onset sensitivity, 0 (strongest only) to 1 (default 0.6)
</source>
        <translation>Erkennt jeden Hit jeder INPUT-Datei (etwa eines Drums-Stems), schneidet ihn vom Onset bis zum Ende seines
Ausklingens zu, klassifiziert ihn (kick, snare, clap, hat_closed, hat_open, cymbal, tom, perc, tonal) und gruppiert
nahezu gleiche Hits. Schreibt pro INPUT ein Kit nach DIR: &lt;name&gt;-&lt;class&gt;-&lt;n&gt;.wav, eine Datei pro Gruppe (ihr sauberster
Hit), sowie &lt;name&gt;.sfz und &lt;name&gt;.dspreset auf General-MIDI-Drum-Noten (&lt;name&gt; = Name von INPUT).
Gibt pro Hit eine JSON-Zeile aus: path, start_s, class, confidence, group, file (das Sample seiner Gruppe).
  --sensitivity S Onset-Empfindlichkeit, 0 (nur die stärksten) bis 1 (Standard 0.6)
</translation>
    </message>
    <message>
        <source>the stems in %1 differ in length</source>
        <translation>die Stems in %1 sind unterschiedlich lang</translation>
    </message>
    <message>
        <source>no steady beat found, so no bar-aligned loops (is it at least 4 seconds long?)</source>
        <translation>kein gleichmäßiger Beat gefunden, daher keine taktgenauen Loops (ist es mindestens 4 Sekunden lang?)</translation>
    </message>
    <message>
        <source>no INPUT given</source>
        <translation>kein INPUT angegeben</translation>
    </message>
    <message>
        <source>give exactly one INPUT</source>
        <translation>genau ein INPUT angeben</translation>
    </message>
    <message>
        <source>give one of --slices N, --beats or --transients</source>
        <translation>eine der Optionen --slices N, --beats oder --transients angeben</translation>
    </message>
    <message>
        <source>--slices needs a whole number from 1 to 92, got &apos;%1&apos;</source>
        <translation>--slices braucht eine ganze Zahl von 1 bis 92, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>missing -o DIR</source>
        <translation>-o DIR fehlt</translation>
    </message>
    <message>
        <source>no hits found</source>
        <translation>keine Hits gefunden</translation>
    </message>
    <message>
        <source>Prints one JSON object per file (one line each): path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags.
  --exact   decode each file for its exact length at 44.1 kHz (slower); without it the
            length comes from the container&apos;s header
</source>
        <translation>Gibt pro Datei ein JSON-Objekt aus (je eine Zeile): path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags.
  --exact   jede Datei für ihre exakte Länge bei 44,1 kHz dekodieren (langsamer); ohne die Option
            stammt die Länge aus dem Header des Containers
</translation>
    </message>
    <message>
        <source>Writes OUTDIR/&lt;input name&gt;/{drums,bass,other,vocals}.&lt;format&gt;, as long as the input, then
OUTDIR/&lt;input name&gt;/.stemcrate-complete.json (each stem&apos;s size and hash).
  --model PATH      HDemucs checkpoint (default: the downloaded HDEMUCS_HIGH_MUSDB_PLUS)
  --segment SECONDS window length (default %1); 0 = whole track in one window
  --overlap FRACTION overlap between windows, 0..0.5 (default %2: %3 s)
  --batch N         windows per forward pass (default 1 on cpu, %4 on cuda)
  --threads N       compute threads (default: all cores; one beside a GPU)
  --device cpu|cuda (default cpu)
  --format wav|flac (default wav)
  --bit-depth 16|24|32f (default 32f for wav, 24 for flac)
  --from-list FILE  separate the songs listed in FILE (one path a line); songs whose stems are
                    complete and unchanged are skipped, so a rerun finishes an interrupted run
  --shard I/N       only this process&apos;s share of the list: the songs whose path hashes to I mod N
  --manifest FILE   append one JSON line per song (default with --from-list: OUTDIR/manifest.jsonl)
  --cache DIR       keep separated stems in DIR and reuse them for a song seen with the same model
                    (the app&apos;s cache: $XDG_CACHE_HOME/stemcrate/stems)
</source>
        <translation>Schreibt OUTDIR/&lt;Eingabename&gt;/{drums,bass,other,vocals}.&lt;format&gt;, so lang wie die Eingabe, danach
OUTDIR/&lt;Eingabename&gt;/.stemcrate-complete.json (Größe und Hash jedes Stems).
  --model PATH      HDemucs-Checkpoint (Standard: das heruntergeladene HDEMUCS_HIGH_MUSDB_PLUS)
  --segment SECONDS Fensterlänge (Standard %1); 0 = ganzer Track in einem Fenster
  --overlap FRACTION Überlappung zwischen den Fenstern, 0..0.5 (Standard %2: %3 s)
  --batch N         Fenster pro Forward-Pass (Standard 1 auf cpu, %4 auf cuda)
  --threads N       Rechen-Threads (Standard: alle Kerne; einer neben einer GPU)
  --device cpu|cuda (Standard cpu)
  --format wav|flac (Standard wav)
  --bit-depth 16|24|32f (Standard 32f für wav, 24 für flac)
  --from-list FILE  die in FILE aufgeführten Songs trennen (ein Pfad pro Zeile); Songs, deren Stems vollständig
                    und unverändert sind, werden übersprungen, so beendet ein erneuter Lauf einen abgebrochenen
  --shard I/N       nur der Anteil dieses Prozesses an der Liste: die Songs, deren Pfad-Hash modulo N gleich I ist
  --manifest FILE   pro Song eine JSON-Zeile anhängen (Standard mit --from-list: OUTDIR/manifest.jsonl)
  --cache DIR       getrennte Stems in DIR aufbewahren und für einen mit demselben Modell schon getrennten Song wiederverwenden
                    (der Cache der App: $XDG_CACHE_HOME/stemcrate/stems)
</translation>
    </message>
    <message>
        <source>--segment needs 0 or a length in seconds between 0.1 and 3600, got &apos;%1&apos;</source>
        <translation>--segment braucht 0 oder eine Länge in Sekunden zwischen 0.1 und 3600, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--overlap needs a fraction between 0 and 0.5, got &apos;%1&apos;</source>
        <translation>--overlap braucht einen Anteil zwischen 0 und 0.5, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--batch needs a whole number between 1 and 256, got &apos;%1&apos;</source>
        <translation>--batch braucht eine ganze Zahl zwischen 1 und 256, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--threads needs a whole number of at least 1, got &apos;%1&apos;</source>
        <translation>--threads braucht eine ganze Zahl von mindestens 1, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--device must be cpu or cuda, got &apos;%1&apos;</source>
        <translation>--device muss cpu oder cuda sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--format must be wav or flac, got &apos;%1&apos;</source>
        <translation>--format muss wav oder flac sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>FLAC cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>FLAC kann kein 32-Bit-Float speichern; verwenden Sie --bit-depth 16 oder 24</translation>
    </message>
    <message>
        <source>missing -o OUTDIR</source>
        <translation>-o OUTDIR fehlt</translation>
    </message>
    <message>
        <source>--shard needs I/N with 0 &lt;= I &lt; N, got &apos;%1&apos;</source>
        <translation>--shard braucht I/N mit 0 &lt;= I &lt; N, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--shard needs --from-list</source>
        <translation>--shard braucht --from-list</translation>
    </message>
    <message>
        <source>--cache needs a folder</source>
        <translation>--cache braucht einen Ordner</translation>
    </message>
    <message>
        <source>give INPUT files or --from-list, not both</source>
        <translation>INPUT-Dateien oder --from-list angeben, nicht beides</translation>
    </message>
    <message>
        <source>no INPUT files given</source>
        <translation>keine INPUT-Dateien angegeben</translation>
    </message>
    <message>
        <source>downloading the separation model</source>
        <translation>das Trennungsmodell wird heruntergeladen</translation>
    </message>
    <message>
        <source>not separated: no usable model</source>
        <translation>nicht getrennt: kein verwendbares Modell</translation>
    </message>
    <message>
        <source>not separated: the model could not be loaded</source>
        <translation>nicht getrennt: das Modell konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>  --format stem.mp4 one NI Stems file per song, OUTDIR/&lt;input name&gt;/&lt;input name&gt;.stem.mp4: the mix
                    (the sum of the stems) and the four stems (Traktor, Mixxx 2.6)
  --stem-codec aac|alac  for stem.mp4 (default aac, 256 kb/s per track; alac is lossless)
  --stems LIST      write only these stems, e.g. drums,vocals
  --mix LIST        also write mixes of stems as one file each: instrumental (all but vocals),
                    acapella (vocals), drumless, or NAME=STEM+STEM (e.g. groove=drums+bass);
                    without --stems only the mixes are written
</source>
        <translation>  --format stem.mp4 eine NI-Stems-Datei pro Song, OUTDIR/&lt;Eingabename&gt;/&lt;Eingabename&gt;.stem.mp4: der Mix
                    (die Summe der Stems) und die vier Stems (Traktor, Mixxx 2.6)
  --stem-codec aac|alac  für stem.mp4 (Standard aac, 256 kb/s pro Spur; alac ist verlustfrei)
  --stems LIST      nur diese Stems schreiben, z. B. drums,vocals
  --mix LIST        zusätzlich Mixe aus Stems als je eine Datei schreiben: instrumental (alle außer vocals),
                    acapella (vocals), drumless oder NAME=STEM+STEM (z. B. groove=drums+bass);
                    ohne --stems werden nur die Mixe geschrieben
</translation>
    </message>
    <message>
        <source>--stem-codec needs --format stem.mp4</source>
        <translation>--stem-codec braucht --format stem.mp4</translation>
    </message>
    <message>
        <source>--stem-codec must be aac or alac, got &apos;%1&apos;</source>
        <translation>--stem-codec muss aac oder alac sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--format stem.mp4 always holds the mix and all four stems; it takes no --stems, --mix or --bit-depth</source>
        <translation>--format stem.mp4 enthält immer den Mix und alle vier Stems; es nimmt kein --stems, --mix oder --bit-depth an</translation>
    </message>
    <message>
        <source>--stems needs a list, e.g. drums,vocals</source>
        <translation>--stems braucht eine Liste, z. B. drums,vocals</translation>
    </message>
    <message>
        <source>Prints the samples of the library folder DIR that sound most like FILE, nearest first, one JSON
object per line: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.
  --library DIR   the sample library folder (searched recursively)
  -n N            how many to print (default 10)
  --index PATH    where the folder&apos;s index is kept (default: in ~/.cache/stemcrate/library)
</source>
        <translation>Gibt die Samples des Bibliotheksordners DIR aus, die FILE am ähnlichsten klingen, die nächsten zuerst, ein JSON-Objekt
pro Zeile: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.
  --library DIR   der Ordner der Sample-Bibliothek (wird rekursiv durchsucht)
  -n N            wie viele ausgegeben werden (Standard 10)
  --index PATH    wo der Index des Ordners gespeichert wird (Standard: in ~/.cache/stemcrate/library)
</translation>
    </message>
    <message>
        <source>give one FILE</source>
        <translation>eine Datei FILE angeben</translation>
    </message>
    <message>
        <source>--library DIR is required</source>
        <translation>--library DIR ist erforderlich</translation>
    </message>
    <message>
        <source>-n must be a whole number from 1 to 100000</source>
        <translation>-n muss eine ganze Zahl von 1 bis 100000 sein</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>note: %1; reading the folder afresh</source>
        <translation>note: %1; der Ordner wird neu eingelesen</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>no audio to compare</source>
        <translation>kein Audio zum Vergleichen</translation>
    </message>
    <message>
        <source>%1: stems from the cache</source>
        <translation>%1: Stems aus dem Cache</translation>
    </message>
    <message>
        <source>Time-stretches INPUT to a tempo and shifts it to a key (Rubber Band R3); at least one of --bpm,
--semitones, --to-key. The output has round(frames x from-bpm / bpm) frames.
  --bpm B          target tempo (1..999)
  --from-bpm A     INPUT&apos;s tempo (default: its BPM tag, else its analysis)
  --semitones N    shift by N semitones (-24..24, fractions allowed)
  --to-key K       shift into key K by the nearest transposition (+-6 semitones); a key of the
                   other mode counts as its relative (&quot;A minor&quot; into &quot;C major&quot;: no shift).
                   Keys: &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot;, &quot;C&quot;, Camelot &quot;8A&quot;, Open Key &quot;1m&quot;
  --from-key K     INPUT&apos;s key (default: its key tag, else its analysis)
  --loop           INPUT is a loop: stretched circularly, so it stays seamless; loop points
  --formants       keep the formants when shifting (voices)
  --format, --bit-depth, --no-dither, --name, -o   as for &apos;export&apos; (default format from -o,
                   else wav; 32f for wav, 24 for flac and aiff); an existing file is never replaced
</source>
        <translation>Passt INPUT per Time-Stretching an ein Tempo an und transponiert es in eine Tonart (Rubber Band R3); mindestens eine von --bpm,
--semitones, --to-key. Die Ausgabe hat round(frames x from-bpm / bpm) Frames.
  --bpm B          Zieltempo (1..999)
  --from-bpm A     Tempo von INPUT (Standard: sein BPM-Tag, sonst seine Analyse)
  --semitones N    um N Halbtöne transponieren (-24..24, Bruchteile erlaubt)
  --to-key K       auf dem kürzesten Weg in die Tonart K transponieren (+-6 Halbtöne); eine Tonart des
                   anderen Tongeschlechts zählt als ihre Paralleltonart (&quot;A minor&quot; nach &quot;C major&quot;: keine Verschiebung).
                   Tonarten: &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot;, &quot;C&quot;, Camelot &quot;8A&quot;, Open Key &quot;1m&quot;
  --from-key K     Tonart von INPUT (Standard: sein Tonart-Tag, sonst seine Analyse)
  --loop           INPUT ist ein Loop: wird zirkulär gestreckt und bleibt so nahtlos; Loop-Punkte
  --formants       beim Transponieren die Formanten erhalten (Stimmen)
  --format, --bit-depth, --no-dither, --name, -o   wie bei &apos;export&apos; (Standardformat aus -o,
                   sonst wav; 32f für wav, 24 für flac und aiff); eine vorhandene Datei wird nie ersetzt
</translation>
    </message>
    <message>
        <source>--from-bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--from-bpm braucht ein Tempo zwischen 1 und 999, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--from-bpm needs --bpm</source>
        <translation>--from-bpm braucht --bpm</translation>
    </message>
    <message>
        <source>give either --semitones or --to-key, not both</source>
        <translation>entweder --semitones oder --to-key angeben, nicht beides</translation>
    </message>
    <message>
        <source>--semitones needs a number between -24 and 24, got &apos;%1&apos;</source>
        <translation>--semitones braucht eine Zahl zwischen -24 und 24, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a key (try &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot; or &quot;8A&quot;)</source>
        <translation>--%1 &apos;%2&apos; ist keine Tonart (versuchen Sie &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot; oder &quot;8A&quot;)</translation>
    </message>
    <message>
        <source>--from-key needs --to-key</source>
        <translation>--from-key braucht --to-key</translation>
    </message>
    <message>
        <source>give --bpm, --semitones or --to-key</source>
        <translation>--bpm, --semitones oder --to-key angeben</translation>
    </message>
    <message>
        <source>cannot find its tempo (%1); give --from-bpm</source>
        <translation>sein Tempo lässt sich nicht bestimmen (%1); geben Sie --from-bpm an</translation>
    </message>
    <message>
        <source>cannot find its key (%1); give --from-key</source>
        <translation>seine Tonart lässt sich nicht bestimmen (%1); geben Sie --from-key an</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>noch %1</translation>
    </message>
    <message numerus="yes">
        <source>found %n slice(s), more than the 92 keys from C1 up</source>
        <translation>
            <numerusform>%n Slice gefunden, mehr als die 92 Tasten ab C1 aufwärts</numerusform>
            <numerusform>%n Slices gefunden, mehr als die 92 Tasten ab C1 aufwärts</numerusform>
        </translation>
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
    <name>stemcrate::ui::EngineLabel</name>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>CUDA, %1</source>
        <translation>CUDA, %1</translation>
    </message>
    <message>
        <source>CUDA (%1), %2</source>
        <translation>CUDA (%1), %2</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation>
            <numerusform>CPU, %n Thread, %1</numerusform>
            <numerusform>CPU, %n Threads, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportActions</name>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>Auswahl e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
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
        <source>Select a region first: drag across a lane.</source>
        <translation>Wählen Sie zuerst einen Bereich aus: Ziehen Sie über eine Spur.</translation>
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
        <source>Exporting the kit…</source>
        <translation>Kit wird exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <comment>one-shots found in the drum stem</comment>
        <translation>
            <numerusform>%n Hit</numerusform>
            <numerusform>%n Hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <comment>groups of similar hits</comment>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>12 hits in 4 groups</comment>
        <translation>%1 in %2</translation>
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
    <message>
        <source>Move Sample to Trash</source>
        <translation>Sample in den Papierkorb legen</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is still being analysed; try again in a moment.</source>
        <translation>&apos;%1&apos; wird noch analysiert; versuchen Sie es gleich noch einmal.</translation>
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
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
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
        <source>%1 BPM</source>
        <translation>%1 BPM</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
    <name>stemcrate::ui::SelectionExport</name>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>Wählen Sie zuerst einen Bereich aus: Ziehen Sie über eine Spur.</translation>
    </message>
    <message>
        <source>That part of the stem is still being separated.</source>
        <translation>Dieser Teil des Stems wird noch getrennt.</translation>
    </message>
    <message>
        <source>as heard</source>
        <translation>wie gehört</translation>
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
    <message>
        <source>Automatic (CUDA GPU when available)</source>
        <translation>Automatisch (CUDA-GPU, falls verfügbar)</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>Läuft auf:</translation>
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
    <name>stemcrate::ui::SongsPanel</name>
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
        <source>Remove Song</source>
        <translation>Song entfernen</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Songs</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportActions</name>
    <message>
        <source>Export S&amp;tems…</source>
        <translation>&amp;Stems exportieren…</translation>
    </message>
    <message>
        <source>The song&apos;s stems are not separated yet.</source>
        <translation>Die Stems dieses Songs sind noch nicht getrennt.</translation>
    </message>
    <message>
        <source>A stem export is already running.</source>
        <translation>Es läuft bereits ein Stem-Export.</translation>
    </message>
    <message>
        <source>Exported stems to %1</source>
        <translation>Stems nach %1 exportiert</translation>
    </message>
    <message>
        <source>Stem export failed: %1</source>
        <translation>Stem-Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportDialog</name>
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
        <source>Export Stems</source>
        <translation>Stems exportieren</translation>
    </message>
    <message>
        <source>Stems</source>
        <translation>Stems</translation>
    </message>
    <message>
        <source>Mixes</source>
        <translation>Mixe</translation>
    </message>
    <message>
        <source>Instrumental (every stem but vocals)</source>
        <translation>Instrumental (alle Stems außer Vocals)</translation>
    </message>
    <message>
        <source>Acapella (vocals only)</source>
        <translation>Acapella (nur Vocals)</translation>
    </message>
    <message>
        <source>Drumless (every stem but drums)</source>
        <translation>Drumless (alle Stems außer Drums)</translation>
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
        <source>AIFF</source>
        <translation>AIFF</translation>
    </message>
    <message>
        <source>NI Stems (.stem.mp4, AAC)</source>
        <translation>NI Stems (.stem.mp4, AAC)</translation>
    </message>
    <message>
        <source>NI Stems (.stem.mp4, ALAC lossless)</source>
        <translation>NI Stems (.stem.mp4, ALAC verlustfrei)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export Stems To</source>
        <translation>Stems exportieren nach</translation>
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
    <name>stemcrate::ui::TimelinePanel</name>
    <message>
        <source>Drop songs here</source>
        <translation>Songs hierher ziehen</translation>
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
        <source>Play</source>
        <translation>Abspielen</translation>
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
        <source>Cycle Snapping</source>
        <translation>Einrastmodus wechseln</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Auswahl aufheben</translation>
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
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Snap: </source>
        <translation>Einrasten: </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>   selection %1 – %2 (%3 s)</source>
        <translation>   Auswahl %1 – %2 (%3 s)</translation>
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

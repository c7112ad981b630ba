<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>KitExport</name>
    <message>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exportado: %1</translation>
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
            <numerusform>+%n semitono</numerusform>
            <numerusform>+%n semitonos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-%n semitone(s)</source>
        <comment>a shift down</comment>
        <translation>
            <numerusform>-%n semitono</numerusform>
            <numerusform>-%n semitonos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 semitones</source>
        <comment>a fractional shift, e.g. +1.5</comment>
        <translation>%1 semitonos</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Separate songs into stems and mine samples.</source>
        <translation>Separa canciones en stems y extrae samples.</translation>
    </message>
    <message>
        <source>Songs or folders to open.</source>
        <translation>Canciones o carpetas que abrir.</translation>
    </message>
    <message>
        <source>Separation model file.</source>
        <translation>Archivo del modelo de separación.</translation>
    </message>
    <message>
        <source>Do not download the model on first run.</source>
        <translation>No descargar el modelo en el primer inicio.</translation>
    </message>
    <message>
        <source>Save a picture of the window and quit.</source>
        <translation>Guardar una imagen de la ventana y salir.</translation>
    </message>
    <message>
        <source>settings, export or shortcuts.</source>
        <translation>settings, export o shortcuts.</translation>
    </message>
    <message>
        <source>Select FROM:TO seconds (screenshots).</source>
        <translation>Seleccionar DESDE:HASTA segundos (capturas de pantalla).</translation>
    </message>
    <message>
        <source>Show spectrograms (screenshots).</source>
        <translation>Mostrar espectrogramas (capturas de pantalla).</translation>
    </message>
    <message>
        <source>Grab while separating (screenshots).</source>
        <translation>Capturar durante la separación (capturas de pantalla).</translation>
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
        <translation>Muestra un objeto JSON por archivo (una línea cada uno): path, duration_s, bpm, bpm_confidence,
tempo_source, beats_s, downbeats_s, key, key_camelot, key_confidence, loudness_lufs,
true_peak_dbtp, onsets_s, loops [{start_s, end_s, bars, score}] y, con --stems, stems
[{name, loudness_lufs, true_peak_dbtp, onsets_s, loops}]. Los valores desconocidos son null; key es null para
material sin contenido tonal (batería).
  --stems DIR        analiza los stems que &apos;stemcrate-cli separate -o DIR&apos; escribió para cada FILE
                     (DIR/&lt;nombre de archivo&gt;/{drums,bass,other,vocals}.wav o .flac)
  --sensitivity S    sensibilidad de detección de ataques, de 0 (solo los golpes más fuertes) a 1 (por defecto 0.5)
  --bpm BPM          el tempo es BPM (20-400): la cuadrícula de beats se coloca con él sobre la detectada,
                     y los loops la siguen (tempo_source &quot;user&quot;)
  --key KEY          la tonalidad es KEY (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;Eb&quot;, Camelot &quot;8A&quot;)
</translation>
    </message>
    <message>
        <source>no %1 stem in %2</source>
        <translation>no hay stem %1 en %2</translation>
    </message>
    <message>
        <source>no FILE given</source>
        <translation>no se indicó ningún FILE</translation>
    </message>
    <message>
        <source>--sensitivity must be a number from 0 to 1</source>
        <translation>--sensitivity debe ser un número de 0 a 1</translation>
    </message>
    <message>
        <source>--bpm needs a tempo from 20 to 400, got &apos;%1&apos;</source>
        <translation>--bpm necesita un tempo de 20 a 400; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--key needs a key such as &quot;F# minor&quot;, &quot;Bbm&quot; or &quot;8A&quot;, got &apos;%1&apos;</source>
        <translation>--key necesita una tonalidad como &quot;F# minor&quot;, &quot;Bbm&quot; u &quot;8A&quot;; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--stems: &apos;%1&apos; is not a folder</source>
        <translation>--stems: &apos;%1&apos; no es una carpeta</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>la opción --%1 no admite ningún valor</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>la opción %1 necesita un valor</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>opción desconocida %1</translation>
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
        <translation>Escribe la región [start, end) de INPUT (decodificada a 44,1 kHz estéreo) y muestra la ruta escrita.
  --fade-ms MS        fundido de entrada y de salida (por defecto 0); --fade-in-ms / --fade-out-ms fijan solo uno
  --fade-curve C      linear (por defecto) o equal-power
  --loop              transición sin clics (crossfade, se conserva la duración) y puntos de loop en el archivo
  --snap MODE         mueve ambos bordes al cruce por cero más cercano (por defecto off)
  --snap-window-ms MS hasta dónde buscarlo (por defecto 10)
  --format F          por defecto: según la extensión de OUTPUT; si no, wav
  --bit-depth D       por defecto 32f para wav (una copia exacta a nivel de sample), 24 para flac y aiff
  --no-dither         sin dither TPDF al escribir a 16 o 24 bits
  --normalize         escala el pico a --peak-db (por defecto -0.1 dBFS)
  --stem, --bpm, --key  etiquetas (por defecto: stem = nombre de INPUT; bpm y key, de las etiquetas de INPUT)
  --name TEMPLATE     nombre de archivo cuando -o es una carpeta (por defecto
                      &quot;{artist} - {title} - {stem} - {bpm}bpm {key} - {index}&quot;)
</translation>
    </message>
    <message>
        <source>--%1 needs milliseconds between 0 and 60000, got &apos;%2&apos;</source>
        <translation>--%1 necesita milisegundos entre 0 y 60000; se recibió &apos;%2&apos;</translation>
    </message>
    <message>
        <source>no INPUT file given</source>
        <translation>no se indicó ningún archivo INPUT</translation>
    </message>
    <message>
        <source>give exactly one INPUT file</source>
        <translation>indica exactamente un archivo INPUT</translation>
    </message>
    <message>
        <source>missing --%1 SECONDS</source>
        <translation>falta --%1 SECONDS</translation>
    </message>
    <message>
        <source>--%1 needs seconds between 0 and 10800, got &apos;%2&apos;</source>
        <translation>--%1 necesita segundos entre 0 y 10800; se recibió &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--end must be after --start</source>
        <translation>--end debe ser posterior a --start</translation>
    </message>
    <message>
        <source>--fade-curve must be linear or equal-power, got &apos;%1&apos;</source>
        <translation>--fade-curve debe ser linear o equal-power; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--snap must be off, any or rising, got &apos;%1&apos;</source>
        <translation>--snap debe ser off, any o rising; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--peak-db needs dBFS between -99 and 0, got &apos;%1&apos;</source>
        <translation>--peak-db necesita dBFS entre -99 y 0; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--format must be wav, flac or aiff, got &apos;%1&apos;</source>
        <translation>--format debe ser wav, flac o aiff; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--bit-depth must be 16, 24 or 32f, got &apos;%1&apos;</source>
        <translation>--bit-depth debe ser 16, 24 o 32f; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--bpm necesita un tempo entre 1 y 999; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>missing -o OUTPUT_FILE_OR_DIR</source>
        <translation>falta -o OUTPUT_FILE_OR_DIR</translation>
    </message>
    <message>
        <source>the region ends at %1 s, after the end of the audio (%2 s)</source>
        <translation>la región termina en %1 s, después del final del audio (%2 s)</translation>
    </message>
    <message>
        <source>%1 cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>%1 no admite coma flotante de 32 bits; usa --bit-depth 16 o 24</translation>
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
        <translation>uso: stemcrate-cli &lt;command&gt; [options]

comandos:
  separate   separa canciones en stems de batería, bajo, otros y voces
  probe      muestra formato, duración y etiquetas de archivos de audio como líneas JSON
  export     corta una región de un archivo de audio como sample (WAV, FLAC, AIFF)
  analyze    tempo, beats, tonalidad, sonoridad, ataques y loops de archivos de audio como líneas JSON
  loops      sugerencias de loops de 1/2/4/8 compases por stem, ordenadas por puntuación, como líneas JSON
  chop       trocea una región en slices (partes iguales, beats, transitorios) + SFZ/Decent Sampler
  oneshots   extrae, clasifica y agrupa los golpes de un stem en un kit de batería + SFZ/Decent Sampler
  similar    los samples de una carpeta de la biblioteca que más se parecen a un archivo, como líneas JSON
  stretch    ajusta el tempo (time-stretch) y transpone (pitch-shift) un archivo a un tempo y una tonalidad (Rubber Band R3)

Ejecuta &apos;stemcrate-cli &lt;command&gt; --help&apos; para ver las opciones de un comando.
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>comando desconocido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Prints ranked 1, 2, 4 and 8-bar loop suggestions on downbeats, one JSON object per line: path,
stem, start_s, end_s, bars, score (0..1), bpm, key (null when unknown or for drums).
  --stems DIR   suggest loops in the stems &apos;stemcrate-cli separate -o DIR&apos; wrote for each INPUT
                (the beat grid from the drums); without it, in INPUT itself (stem &quot;mix&quot;)
</source>
        <translation>Muestra sugerencias de loops de 1, 2, 4 y 8 compases sobre tiempos fuertes, ordenadas por puntuación, un objeto JSON por línea: path,
stem, start_s, end_s, bars, score (0..1), bpm, key (null si se desconoce o para batería).
  --stems DIR   sugiere loops en los stems que &apos;stemcrate-cli separate -o DIR&apos; escribió para cada INPUT
                (la cuadrícula de beats sale de la batería); sin ella, en el propio INPUT (stem &quot;mix&quot;)
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
        <translation>Corta la región [start, end) de INPUT en slices y escribe DIR/&lt;name&gt;-01.wav ... (WAV de 24 bits,
fundidos cortos, límites en cruces por cero) además de DIR/&lt;name&gt;.sfz y DIR/&lt;name&gt;.dspreset, que los asignan
cromáticamente desde C1 (MIDI 36). Muestra una línea JSON por slice: index, start_s, end_s, note, file.
  --slices N      N partes iguales (de 1 a 92)
  --beats         un slice por beat (la cuadrícula de beats de todo el INPUT)
  --transients    un slice en cada transitorio
  --sensitivity S sensibilidad de transitorios, de 0 (solo los más fuertes) a 1 (por defecto 0.5)
  --name NAME     base del nombre de archivo (por defecto: el nombre de INPUT)
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
        <translation>Detecta cada golpe de cada INPUT (un stem de batería, por ejemplo), lo recorta desde su ataque hasta el final de su
caída, lo clasifica (kick, snare, clap, hat_closed, hat_open, cymbal, tom, perc, tonal) y agrupa
los casi duplicados. Escribe un kit por INPUT en DIR: &lt;name&gt;-&lt;class&gt;-&lt;n&gt;.wav, uno por grupo (su golpe
más limpio), además de &lt;name&gt;.sfz y &lt;name&gt;.dspreset en notas de batería General MIDI (&lt;name&gt; = nombre de INPUT).
Muestra una línea JSON por golpe: path, start_s, class, confidence, group, file (el sample de su grupo).
  --sensitivity S sensibilidad de detección de ataques, de 0 (solo los más fuertes) a 1 (por defecto 0.6)
</translation>
    </message>
    <message>
        <source>the stems in %1 differ in length</source>
        <translation>los stems de %1 tienen duraciones distintas</translation>
    </message>
    <message>
        <source>no steady beat found, so no bar-aligned loops (is it at least 4 seconds long?)</source>
        <translation>no se encontró un beat estable, así que no hay loops alineados al compás (¿dura al menos 4 segundos?)</translation>
    </message>
    <message>
        <source>no INPUT given</source>
        <translation>no se indicó ningún INPUT</translation>
    </message>
    <message>
        <source>give exactly one INPUT</source>
        <translation>indica exactamente un INPUT</translation>
    </message>
    <message>
        <source>give one of --slices N, --beats or --transients</source>
        <translation>indica una de estas opciones: --slices N, --beats o --transients</translation>
    </message>
    <message>
        <source>--slices needs a whole number from 1 to 92, got &apos;%1&apos;</source>
        <translation>--slices necesita un número entero de 1 a 92; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>missing -o DIR</source>
        <translation>falta -o DIR</translation>
    </message>
    <message>
        <source>no hits found</source>
        <translation>no se encontraron golpes</translation>
    </message>
    <message>
        <source>Prints one JSON object per file (one line each): path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags.
  --exact   decode each file for its exact length at 44.1 kHz (slower); without it the
            length comes from the container&apos;s header
</source>
        <translation>Muestra un objeto JSON por archivo (una línea cada uno): path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags.
  --exact   decodifica cada archivo para obtener su duración exacta a 44,1 kHz (más lento); sin esta opción,
            la duración se toma de la cabecera del contenedor
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
        <translation>Escribe OUTDIR/&lt;nombre de entrada&gt;/{drums,bass,other,vocals}.&lt;format&gt;, de la misma duración que la entrada, y luego
OUTDIR/&lt;nombre de entrada&gt;/.stemcrate-complete.json (tamaño y hash de cada stem).
  --model PATH      checkpoint de HDemucs (por defecto: el HDEMUCS_HIGH_MUSDB_PLUS descargado)
  --segment SECONDS duración de la ventana (por defecto %1); 0 = toda la pista en una sola ventana
  --overlap FRACTION solapamiento entre ventanas, 0..0.5 (por defecto %2: %3 s)
  --batch N         ventanas por pasada del modelo (por defecto 1 en cpu, %4 en cuda)
  --threads N       hilos de cálculo (por defecto: todos los núcleos; uno junto a una GPU)
  --device cpu|cuda (por defecto cpu)
  --format wav|flac (por defecto wav)
  --bit-depth 16|24|32f (por defecto 32f para wav, 24 para flac)
  --from-list FILE  separa las canciones listadas en FILE (una ruta por línea); se omiten las canciones cuyos stems
                    están completos y sin cambios, así que volver a ejecutarlo completa una ejecución interrumpida
  --shard I/N       solo la parte de la lista de este proceso: las canciones cuyo hash de ruta es I módulo N
  --manifest FILE   añade una línea JSON por canción (por defecto con --from-list: OUTDIR/manifest.jsonl)
  --cache DIR       guarda los stems separados en DIR y los reutiliza para una canción ya vista con el mismo modelo
                    (la caché de la app: $XDG_CACHE_HOME/stemcrate/stems)
</translation>
    </message>
    <message>
        <source>--segment needs 0 or a length in seconds between 0.1 and 3600, got &apos;%1&apos;</source>
        <translation>--segment necesita 0 o una duración en segundos entre 0.1 y 3600; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--overlap needs a fraction between 0 and 0.5, got &apos;%1&apos;</source>
        <translation>--overlap necesita una fracción entre 0 y 0.5; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--batch needs a whole number between 1 and 256, got &apos;%1&apos;</source>
        <translation>--batch necesita un número entero entre 1 y 256; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--threads needs a whole number of at least 1, got &apos;%1&apos;</source>
        <translation>--threads necesita un número entero mayor o igual que 1; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--device must be cpu or cuda, got &apos;%1&apos;</source>
        <translation>--device debe ser cpu o cuda; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--format must be wav or flac, got &apos;%1&apos;</source>
        <translation>--format debe ser wav o flac; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>FLAC cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>FLAC no admite coma flotante de 32 bits; usa --bit-depth 16 o 24</translation>
    </message>
    <message>
        <source>missing -o OUTDIR</source>
        <translation>falta -o OUTDIR</translation>
    </message>
    <message>
        <source>--shard needs I/N with 0 &lt;= I &lt; N, got &apos;%1&apos;</source>
        <translation>--shard necesita I/N con 0 &lt;= I &lt; N; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--shard needs --from-list</source>
        <translation>--shard requiere --from-list</translation>
    </message>
    <message>
        <source>--cache needs a folder</source>
        <translation>--cache necesita una carpeta</translation>
    </message>
    <message>
        <source>give INPUT files or --from-list, not both</source>
        <translation>indica archivos INPUT o --from-list, no ambos</translation>
    </message>
    <message>
        <source>no INPUT files given</source>
        <translation>no se indicaron archivos INPUT</translation>
    </message>
    <message>
        <source>downloading the separation model</source>
        <translation>descargando el modelo de separación</translation>
    </message>
    <message>
        <source>not separated: no usable model</source>
        <translation>no separado: no hay ningún modelo utilizable</translation>
    </message>
    <message>
        <source>not separated: the model could not be loaded</source>
        <translation>no separado: no se pudo cargar el modelo</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpido</translation>
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
        <translation>  --format stem.mp4 un archivo NI Stems por canción, OUTDIR/&lt;nombre de entrada&gt;/&lt;nombre de entrada&gt;.stem.mp4: la mezcla
                    (la suma de los stems) y los cuatro stems (Traktor, Mixxx 2.6)
  --stem-codec aac|alac  para stem.mp4 (por defecto aac, 256 kb/s por pista; alac es sin pérdida)
  --stems LIST      escribe solo estos stems, p. ej. drums,vocals
  --mix LIST        escribe además mezclas de stems, cada una en un archivo: instrumental (todos menos vocals),
                    acapella (vocals), drumless o NAME=STEM+STEM (p. ej. groove=drums+bass);
                    sin --stems solo se escriben las mezclas
</translation>
    </message>
    <message>
        <source>--stem-codec needs --format stem.mp4</source>
        <translation>--stem-codec requiere --format stem.mp4</translation>
    </message>
    <message>
        <source>--stem-codec must be aac or alac, got &apos;%1&apos;</source>
        <translation>--stem-codec debe ser aac o alac; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--format stem.mp4 always holds the mix and all four stems; it takes no --stems, --mix or --bit-depth</source>
        <translation>--format stem.mp4 siempre contiene la mezcla y los cuatro stems; no admite --stems, --mix ni --bit-depth</translation>
    </message>
    <message>
        <source>--stems needs a list, e.g. drums,vocals</source>
        <translation>--stems necesita una lista, p. ej. drums,vocals</translation>
    </message>
    <message>
        <source>Prints the samples of the library folder DIR that sound most like FILE, nearest first, one JSON
object per line: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.
  --library DIR   the sample library folder (searched recursively)
  -n N            how many to print (default 10)
  --index PATH    where the folder&apos;s index is kept (default: in ~/.cache/stemcrate/library)
</source>
        <translation>Muestra los samples de la carpeta de biblioteca DIR que más se parecen a FILE, del más cercano al más lejano, un objeto JSON
por línea: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.
  --library DIR   la carpeta de la biblioteca de samples (se recorre de forma recursiva)
  -n N            cuántos mostrar (por defecto 10)
  --index PATH    dónde se guarda el índice de la carpeta (por defecto: en ~/.cache/stemcrate/library)
</translation>
    </message>
    <message>
        <source>give one FILE</source>
        <translation>indica un FILE</translation>
    </message>
    <message>
        <source>--library DIR is required</source>
        <translation>--library DIR es obligatorio</translation>
    </message>
    <message>
        <source>-n must be a whole number from 1 to 100000</source>
        <translation>-n debe ser un número entero de 1 a 100000</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>no es una carpeta</translation>
    </message>
    <message>
        <source>note: %1; reading the folder afresh</source>
        <translation>note: %1; se vuelve a leer la carpeta</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no existe el archivo</translation>
    </message>
    <message>
        <source>no audio to compare</source>
        <translation>no hay audio que comparar</translation>
    </message>
    <message>
        <source>%1: stems from the cache</source>
        <translation>%1: stems desde la caché</translation>
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
        <translation>Ajusta INPUT a un tempo (time-stretch) y lo transpone a una tonalidad (Rubber Band R3); al menos una de --bpm,
--semitones, --to-key. La salida tiene round(frames x from-bpm / bpm) frames.
  --bpm B          tempo de destino (1..999)
  --from-bpm A     tempo de INPUT (por defecto: su etiqueta BPM; si no, su análisis)
  --semitones N    transpone N semitonos (-24..24, se admiten fracciones)
  --to-key K       transpone a la tonalidad K por el camino más corto (+-6 semitonos); una tonalidad del
                   otro modo cuenta como su relativa (&quot;A minor&quot; a &quot;C major&quot;: sin transposición).
                   Tonalidades: &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot;, &quot;C&quot;, Camelot &quot;8A&quot;, Open Key &quot;1m&quot;
  --from-key K     tonalidad de INPUT (por defecto: su etiqueta de tonalidad; si no, su análisis)
  --loop           INPUT es un loop: se estira de forma circular, así que sigue sin cortes; puntos de loop
  --formants       conserva los formantes al transponer (voces)
  --format, --bit-depth, --no-dither, --name, -o   como en &apos;export&apos; (formato por defecto según -o;
                   si no, wav; 32f para wav, 24 para flac y aiff); nunca se sustituye un archivo existente
</translation>
    </message>
    <message>
        <source>--from-bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--from-bpm necesita un tempo entre 1 y 999; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--from-bpm needs --bpm</source>
        <translation>--from-bpm requiere --bpm</translation>
    </message>
    <message>
        <source>give either --semitones or --to-key, not both</source>
        <translation>indica --semitones o --to-key, no ambos</translation>
    </message>
    <message>
        <source>--semitones needs a number between -24 and 24, got &apos;%1&apos;</source>
        <translation>--semitones necesita un número entre -24 y 24; se recibió &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a key (try &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot; or &quot;8A&quot;)</source>
        <translation>--%1 &apos;%2&apos; no es una tonalidad (prueba &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot; u &quot;8A&quot;)</translation>
    </message>
    <message>
        <source>--from-key needs --to-key</source>
        <translation>--from-key requiere --to-key</translation>
    </message>
    <message>
        <source>give --bpm, --semitones or --to-key</source>
        <translation>indica --bpm, --semitones o --to-key</translation>
    </message>
    <message>
        <source>cannot find its tempo (%1); give --from-bpm</source>
        <translation>no se puede determinar su tempo (%1); indica --from-bpm</translation>
    </message>
    <message>
        <source>cannot find its key (%1); give --from-key</source>
        <translation>no se puede determinar su tonalidad (%1); indica --from-key</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>quedan %1</translation>
    </message>
    <message numerus="yes">
        <source>found %n slice(s), more than the 92 keys from C1 up</source>
        <translation>
            <numerusform>se encontró %n slice, más que las 92 teclas desde C1 hacia arriba</numerusform>
            <numerusform>se encontraron %n slices, más que las 92 teclas desde C1 hacia arriba</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelDownloader</name>
    <message>
        <source>Another Stemcrate is already downloading the separation model to %1. Wait for it to finish, or pass --model PATH.</source>
        <translation>Otra instancia de Stemcrate ya está descargando el modelo de separación en %1. Espera a que termine o usa --model PATH.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (the folder is not writable). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>No se pudo guardar el modelo de separación en %1 (la carpeta no tiene permiso de escritura). Usa --model PATH para usar un archivo de modelo de otra ubicación.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>No se pudo guardar el modelo de separación en %1 (%2). Usa --model PATH para usar un archivo de modelo de otra ubicación.</translation>
    </message>
    <message>
        <source>The model download was stopped. The %1 received so far are kept in %2, and the next start resumes from there.</source>
        <translation>Se detuvo la descarga del modelo. Los %1 recibidos hasta ahora se conservan en %2 y el próximo inicio continuará desde ahí.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Free some disk space, or pass --model PATH.</source>
        <translation>No se pudo guardar el modelo de separación en %1 (%2). Libera espacio en disco o usa --model PATH.</translation>
    </message>
    <message>
        <source>the server refused to resume the partial download</source>
        <translation>el servidor se negó a reanudar la descarga parcial</translation>
    </message>
    <message>
        <source>the server resumed at the wrong place</source>
        <translation>el servidor reanudó la descarga en un punto equivocado</translation>
    </message>
    <message>
        <source>the download ended after %1 of %2; starting again resumes it</source>
        <translation>la descarga terminó tras %1 de %2; al volver a empezar se reanudará</translation>
    </message>
    <message>
        <source>Could not move the downloaded model from %1 to %2 (%3).</source>
        <translation>No se pudo mover el modelo descargado de %1 a %2 (%3).</translation>
    </message>
    <message>
        <source>the server sent a web page instead of the model file</source>
        <translation>el servidor envió una página web en lugar del archivo del modelo</translation>
    </message>
    <message>
        <source>the server sent something that is not a PyTorch model file</source>
        <translation>el servidor envió algo que no es un archivo de modelo de PyTorch</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>no se encontró el host</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>conexión rechazada</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>se agotó el tiempo de espera de la conexión</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>un total desconocido</translation>
    </message>
    <message>
        <source>the connection broke off after %1 of %2; starting again resumes it</source>
        <translation>la conexión se cortó tras %1 de %2; al volver a empezar se reanudará</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>el servidor cerró la conexión</translation>
    </message>
    <message>
        <source>no network connection</source>
        <translation>no hay conexión de red</translation>
    </message>
    <message>
        <source>secure connection failed: %1</source>
        <translation>falló la conexión segura: %1</translation>
    </message>
    <message>
        <source>Could not download the separation model (%1). Download %2 on a connected machine and copy it to %3, or pass --model PATH.</source>
        <translation>No se pudo descargar el modelo de separación (%1). Descarga %2 en un equipo con conexión a internet y cópialo en %3, o usa --model PATH.</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelSetup</name>
    <message>
        <source>The separation model is ready.</source>
        <translation>El modelo de separación está listo.</translation>
    </message>
    <message>
        <source>The separation model file &apos;%1&apos; does not exist. Choose the model file, or download the default model.</source>
        <translation>El archivo del modelo de separación «%1» no existe. Elige el archivo del modelo o descarga el modelo predeterminado.</translation>
    </message>
    <message>
        <source>Stemcrate needs its separation model (about 320 MB) once. Download it, or put %1 at %2.</source>
        <translation>Stemcrate necesita su modelo de separación (unos 320 MB) una sola vez. Descárgalo o coloca %1 en %2.</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>Modelo de separación</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>Checkpoints de PyTorch (*.pt *.pth);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelStore</name>
    <message>
        <source>The model file %1 does not exist. Check the path given with --model or in the settings (%2).</source>
        <translation>El archivo de modelo %1 no existe. Comprueba la ruta indicada con --model o en los ajustes (%2).</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ChopPanel</name>
    <message>
        <source>Chop</source>
        <translation>Trocear</translation>
    </message>
    <message>
        <source>Export slices…</source>
        <translation>Exportar slices…</translation>
    </message>
    <message>
        <source>Equal parts</source>
        <translation>Partes iguales</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Tiempos</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>Transitorios</translation>
    </message>
    <message>
        <source>Select a region on a lane, then Chop. Keys 1-9 and 0 play the slices.</source>
        <translation>Selecciona una región en una pista y pulsa «Trocear». Las teclas 1-9 y 0 reproducen los slices.</translation>
    </message>
    <message>
        <source>Select a region on a lane first.</source>
        <translation>Primero selecciona una región en una pista.</translation>
    </message>
    <message>
        <source>That part is still being separated.</source>
        <translation>Esa parte aún se está separando.</translation>
    </message>
    <message>
        <source>Chopping…</source>
        <translation>Troceando…</translation>
    </message>
    <message>
        <source>Cannot chop: %1</source>
        <translation>No se puede trocear: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s): keys 1-9 and 0 or the pads play them.</source>
        <translation>
            <numerusform>%n slice: las teclas 1-9 y 0 o los pads lo reproducen.</numerusform>
            <numerusform>%n slices: las teclas 1-9 y 0 o los pads los reproducen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting slices…</source>
        <translation>Exportando slices…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::EngineLabel</name>
    <message>
        <source>checking…</source>
        <translation>comprobando…</translation>
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
            <numerusform>CPU, %n hilo, %1</numerusform>
            <numerusform>CPU, %n hilos, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportActions</name>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>&amp;Exportar selección…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exportado: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>Primero selecciona una región: arrastra sobre una pista.</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportDialog</name>
    <message>
        <source>Export Selection</source>
        <translation>Exportar selección</translation>
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
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Bit depth:</source>
        <translation>Profundidad de bits:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Fade in:</source>
        <translation>Fundido de entrada:</translation>
    </message>
    <message>
        <source>Fade out:</source>
        <translation>Fundido de salida:</translation>
    </message>
    <message>
        <source>Loop (seamless wrap, loop points in the file)</source>
        <translation>Loop (transición sin cortes, puntos de loop en el archivo)</translation>
    </message>
    <message>
        <source>As heard (the audible stems with their gains)</source>
        <translation>Tal como suena (los stems audibles con su ganancia)</translation>
    </message>
    <message>
        <source>Tokens: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</source>
        <translation>Marcadores: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nombre de archivo:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Carpeta de la biblioteca:</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>Carpeta de la biblioteca</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 bits</translation>
    </message>
    <message>
        <source>24-bit</source>
        <translation>24 bits</translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation>32 bits flotante</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::FindSamplesPanel</name>
    <message>
        <source>Open a song: loop suggestions appear as its stems are separated.</source>
        <translation>Abre una canción: las sugerencias de loops aparecen a medida que se separan sus stems.</translation>
    </message>
    <message>
        <source>Waiting for separated stems…</source>
        <translation>Esperando los stems separados…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n bar(s) · %2 BPM</source>
        <translation>
            <numerusform>%1 · %n compás · %2 BPM</numerusform>
            <numerusform>%1 · %n compases · %2 BPM</numerusform>
        </translation>
    </message>
    <message>
        <source>Start %1 s, score %2. Click to audition, Return or Ctrl+E to export, drag out.</source>
        <translation>Inicio %1 s, puntuación %2. Clic para preescuchar, Intro o Ctrl+E para exportar, arrastrar para sacarlo.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n sugerencia</numerusform>
            <numerusform>%n sugerencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) so far (separating…)</source>
        <translation>
            <numerusform>%n sugerencia por ahora (separando…)</numerusform>
            <numerusform>%n sugerencias por ahora (separando…)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::KitPanel</name>
    <message>
        <source>Find one-shots</source>
        <translation>Buscar one-shots</translation>
    </message>
    <message>
        <source>Export kit…</source>
        <translation>Exportar kit…</translation>
    </message>
    <message>
        <source>Find the one-shots of the drums stem (or of the mix without stems).</source>
        <translation>Busca los one-shots del stem de batería (o de la mezcla si no hay stems).</translation>
    </message>
    <message>
        <source>Wait for the separation to finish.</source>
        <translation>Espera a que termine la separación.</translation>
    </message>
    <message>
        <source>Open a song first.</source>
        <translation>Primero abre una canción.</translation>
    </message>
    <message>
        <source>Finding one-shots in %1…</source>
        <translation>Buscando one-shots en %1…</translation>
    </message>
    <message>
        <source>Cannot find one-shots: %1</source>
        <translation>No se pueden buscar one-shots: %1</translation>
    </message>
    <message>
        <source>%1 ×%2 · %3 s · confidence %4</source>
        <translation>%1 ×%2 · %3 s · confianza %4</translation>
    </message>
    <message>
        <source>Exporting the kit…</source>
        <translation>Exportando el kit…</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <comment>one-shots found in the drum stem</comment>
        <translation>
            <numerusform>%n golpe</numerusform>
            <numerusform>%n golpes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <comment>groups of similar hits</comment>
        <translation>
            <numerusform>%n grupo</numerusform>
            <numerusform>%n grupos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>12 hits in 4 groups</comment>
        <translation>%1 en %2</translation>
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
        <translation>Poner %1 en solo</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Silenciar %1</translation>
    </message>
    <message>
        <source>Gain: 0.0 dB</source>
        <translation>Ganancia: 0.0 dB</translation>
    </message>
    <message>
        <source>Gain: %1 dB</source>
        <translation>Ganancia: %1 dB</translation>
    </message>
    <message>
        <source>Gain: off</source>
        <translation>Ganancia: desactivada</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryFilterBar</name>
    <message>
        <source>Search name, stem, class, key, song…</source>
        <translation>Buscar nombre, stem, categoría, tonalidad, canción…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Any key</source>
        <translation>Cualquier tonalidad</translation>
    </message>
    <message>
        <source>Compatible keys</source>
        <translation>Tonalidades compatibles</translation>
    </message>
    <message>
        <source>Also the keys next to it on the Camelot wheel and its relative key</source>
        <translation>También las tonalidades vecinas en la rueda Camelot y su tonalidad relativa</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Cualquier tipo</translation>
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
        <translation>One-shots</translation>
    </message>
    <message>
        <source>Any stem</source>
        <translation>Cualquier stem</translation>
    </message>
    <message>
        <source>Drums</source>
        <translation>Batería</translation>
    </message>
    <message>
        <source>Bass</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>Voces</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Mezcla</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryIndexer</name>
    <message>
        <source>The library index is rebuilt: %1</source>
        <translation>Se está reconstruyendo el índice de la biblioteca: %1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryModel</name>
    <message>
        <source>loop</source>
        <translation>loop</translation>
    </message>
    <message>
        <source>slice</source>
        <translation>slice</translation>
    </message>
    <message>
        <source>one-shot</source>
        <translation>one-shot</translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation>%1 LUFS</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>No se puede reproducir: %1</translation>
    </message>
    <message>
        <source>BPM from the file name</source>
        <translation>BPM tomado del nombre de archivo</translation>
    </message>
    <message>
        <source>BPM estimated from the audio</source>
        <translation>BPM estimado a partir del audio</translation>
    </message>
    <message>
        <source>Key from the file name</source>
        <translation>Tonalidad tomada del nombre de archivo</translation>
    </message>
    <message>
        <source>Key estimated from the audio</source>
        <translation>Tonalidad estimada a partir del audio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonalidad</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Compases</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Sonoridad</translation>
    </message>
    <message>
        <source>Source Song</source>
        <translation>Canción de origen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryPanel</name>
    <message>
        <source>Show in Folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>Samples en %1</translation>
    </message>
    <message>
        <source>Could not move &apos;%1&apos; to the trash.</source>
        <translation>No se pudo mover «%1» a la papelera.</translation>
    </message>
    <message>
        <source>Moved &apos;%1&apos; to the trash.</source>
        <translation>«%1» se movió a la papelera.</translation>
    </message>
    <message>
        <source>Find Similar</source>
        <translation>Buscar similares</translation>
    </message>
    <message>
        <source>List the samples that sound most like the selected one</source>
        <translation>Mostrar los samples que más se parecen al seleccionado</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Mostrar todos</translation>
    </message>
    <message>
        <source>Select a sample to find similar ones.</source>
        <translation>Selecciona un sample para buscar otros similares.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be analysed, so nothing can be compared with it.</source>
        <translation>No se pudo analizar «%1», así que no se puede comparar con nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) most like &apos;%1&apos;</source>
        <translation>
            <numerusform>%n sample más parecido a «%1»</numerusform>
            <numerusform>%n samples más parecidos a «%1»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sample(s)</source>
        <translation>
            <numerusform>%1 de %n sample</numerusform>
            <numerusform>%1 de %n samples</numerusform>
        </translation>
    </message>
    <message>
        <source> · reading the folder…</source>
        <translation> · leyendo la carpeta…</translation>
    </message>
    <message>
        <source>Move Sample to Trash</source>
        <translation>Mover el sample a la papelera</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is still being analysed; try again in a moment.</source>
        <translation>&apos;%1&apos; aún se está analizando; inténtalo de nuevo en un momento.</translation>
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
        <translation>Listo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>&amp;Selección</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No audio files found in %1.</source>
        <translation>No se encontraron archivos de audio en %1.</translation>
    </message>
    <message>
        <source>%1 — Stemcrate</source>
        <translation>%1 — Stemcrate</translation>
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
        <source>Open Songs</source>
        <translation>Abrir canciones</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)</source>
        <translation>Archivos de audio (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir carpeta</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MessageArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MiningPanels</name>
    <message>
        <source>Find Samples</source>
        <translation>Buscar samples</translation>
    </message>
    <message>
        <source>Chop</source>
        <translation>Trocear</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Extracción de samples</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ModelBanner</name>
    <message>
        <source>Download Model</source>
        <translation>Descargar modelo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose Model File…</source>
        <translation>Elegir archivo de modelo…</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1 of %2</source>
        <translation>Descargando el modelo de separación: %1 de %2</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1</source>
        <translation>Descargando el modelo de separación: %1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ProjectFitBar</name>
    <message>
        <source>Project:</source>
        <translation>Proyecto:</translation>
    </message>
    <message>
        <source>Song tempo</source>
        <translation>Tempo original</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>The tempo of the track you are making: previews and exports are stretched to it</source>
        <translation>El tempo del tema que estás produciendo: la preescucha y las exportaciones se estiran a ese tempo (time-stretch)</translation>
    </message>
    <message>
        <source>Song key</source>
        <translation>Tonalidad original</translation>
    </message>
    <message>
        <source>The key of the track you are making: previews and exports are shifted into it (the nearest way, at most 6 semitones)</source>
        <translation>La tonalidad del tema que estás produciendo: la preescucha y las exportaciones se transponen a ella (por el camino más corto, como máximo 6 semitonos)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SelectionExport</name>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>Primero selecciona una región: arrastra sobre una pista.</translation>
    </message>
    <message>
        <source>That part of the stem is still being separated.</source>
        <translation>Esa parte del stem aún se está separando.</translation>
    </message>
    <message>
        <source>as heard</source>
        <translation>tal como suena</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Carpeta de la biblioteca:</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>Carpeta de la biblioteca</translation>
    </message>
    <message>
        <source>the downloaded default model</source>
        <translation>el modelo predeterminado descargado</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>Archivo de modelo:</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>Modelo de separación</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>Checkpoints de PyTorch (*.pt *.pth);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>todos los núcleos</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Hilos:</translation>
    </message>
    <message>
        <source>WAV 16-bit</source>
        <translation>WAV 16 bits</translation>
    </message>
    <message>
        <source>WAV 24-bit</source>
        <translation>WAV 24 bits</translation>
    </message>
    <message>
        <source>WAV 32-bit float</source>
        <translation>WAV 32 bits flotante</translation>
    </message>
    <message>
        <source>FLAC 16-bit</source>
        <translation>FLAC 16 bits</translation>
    </message>
    <message>
        <source>FLAC 24-bit</source>
        <translation>FLAC 24 bits</translation>
    </message>
    <message>
        <source>Export format:</source>
        <translation>Formato de exportación:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Stem cache limit:</source>
        <translation>Límite de la caché de stems:</translation>
    </message>
    <message>
        <source>clearing…</source>
        <translation>vaciando…</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>midiendo…</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 en uso</translation>
    </message>
    <message>
        <source>Automatic (CUDA GPU when available)</source>
        <translation>Automático (GPU CUDA si está disponible)</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>Se ejecuta en:</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>Select a region</source>
        <translation>Seleccionar una región</translation>
    </message>
    <message>
        <source>Drag on any lane</source>
        <translation>Arrastrar sobre cualquier pista</translation>
    </message>
    <message>
        <source>Drag the selection out as a WAV</source>
        <translation>Arrastrar la selección fuera como WAV</translation>
    </message>
    <message>
        <source>Drag from inside the selection</source>
        <translation>Arrastrar desde dentro de la selección</translation>
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation>Zoom en la posición del puntero</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Rueda del ratón</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Desplazarse</translation>
    </message>
    <message>
        <source>Shift+wheel, horizontal wheel</source>
        <translation>Mayús+rueda, rueda horizontal</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>Ir a una posición</translation>
    </message>
    <message>
        <source>Click a lane or the ruler</source>
        <translation>Clic en una pista o en la regla</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongList</name>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>decoding %1 %</source>
        <translation>decodificando %1 %</translation>
    </message>
    <message>
        <source>waiting for the separation model</source>
        <translation>esperando el modelo de separación</translation>
    </message>
    <message>
        <source>separating %1 %</source>
        <translation>separando %1 %</translation>
    </message>
    <message>
        <source>separating %1 % — %2:%3 left</source>
        <translation>separando %1 % — quedan %2:%3</translation>
    </message>
    <message>
        <source>done (from cache)</source>
        <translation>listo (desde la caché)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
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
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove Song</source>
        <translation>Quitar canción</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Canciones</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportActions</name>
    <message>
        <source>Export S&amp;tems…</source>
        <translation>Exportar s&amp;tems…</translation>
    </message>
    <message>
        <source>The song&apos;s stems are not separated yet.</source>
        <translation>Los stems de la canción aún no están separados.</translation>
    </message>
    <message>
        <source>A stem export is already running.</source>
        <translation>Ya hay una exportación de stems en curso.</translation>
    </message>
    <message>
        <source>Exported stems to %1</source>
        <translation>Stems exportados a %1</translation>
    </message>
    <message>
        <source>Stem export failed: %1</source>
        <translation>Error al exportar los stems: %1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportDialog</name>
    <message>
        <source>Drums</source>
        <translation>Batería</translation>
    </message>
    <message>
        <source>Bass</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>Voces</translation>
    </message>
    <message>
        <source>Export Stems</source>
        <translation>Exportar stems</translation>
    </message>
    <message>
        <source>Stems</source>
        <translation>Stems</translation>
    </message>
    <message>
        <source>Mixes</source>
        <translation>Mezclas</translation>
    </message>
    <message>
        <source>Instrumental (every stem but vocals)</source>
        <translation>Instrumental (todos los stems menos las voces)</translation>
    </message>
    <message>
        <source>Acapella (vocals only)</source>
        <translation>Acapella (solo voces)</translation>
    </message>
    <message>
        <source>Drumless (every stem but drums)</source>
        <translation>Drumless (todos los stems menos la batería)</translation>
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
        <translation>NI Stems (.stem.mp4, ALAC sin pérdida)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export Stems To</source>
        <translation>Exportar stems a</translation>
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
        <translation>Tempo: escribe el correcto si el tempo detectado es erróneo</translation>
    </message>
    <message>
        <source>×2</source>
        <translation>×2</translation>
    </message>
    <message>
        <source>Double the tempo</source>
        <translation>Duplicar el tempo</translation>
    </message>
    <message>
        <source>÷2</source>
        <translation>÷2</translation>
    </message>
    <message>
        <source>Halve the tempo</source>
        <translation>Reducir el tempo a la mitad</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Tap</translation>
    </message>
    <message>
        <source>Tap along with the beat to set the tempo</source>
        <translation>Pulsa al compás para fijar el tempo</translation>
    </message>
    <message>
        <source>Key: pick or type the right one (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;8A&quot;); — for none</source>
        <translation>Tonalidad: elige o escribe la correcta (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;8A&quot;); — para ninguna</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Back to the detected tempo and key</source>
        <translation>Volver al tempo y la tonalidad detectados</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TimelinePanel</name>
    <message>
        <source>Drop songs here</source>
        <translation>Suelta las canciones aquí</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Zero crossings</source>
        <translation>Cruces por cero</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Tiempos</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>Transitorios</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Loop Selection</source>
        <translation>Selección en loop</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>Ir al inicio</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>Ir al final</translation>
    </message>
    <message>
        <source>Nudge Selection Left</source>
        <translation>Desplazar la selección a la izquierda</translation>
    </message>
    <message>
        <source>Nudge Selection Right</source>
        <translation>Desplazar la selección a la derecha</translation>
    </message>
    <message>
        <source>Move Selection End Left</source>
        <translation>Mover el final de la selección a la izquierda</translation>
    </message>
    <message>
        <source>Move Selection End Right</source>
        <translation>Mover el final de la selección a la derecha</translation>
    </message>
    <message>
        <source>Cycle Snapping</source>
        <translation>Cambiar modo de ajuste</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Deseleccionar</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom to Fit</source>
        <translation>Ver canción completa</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Espectrograma</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Snap: </source>
        <translation>Ajuste: </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>   selection %1 – %2 (%3 s)</source>
        <translation>   selección %1 – %2 (%3 s)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TimelineView</name>
    <message>
        <source>mix</source>
        <translation>mezcla</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::Transport</name>
    <message>
        <source>No audio output device: playback is off. Everything else works.</source>
        <translation>No hay dispositivo de salida de audio: la reproducción está desactivada. Todo lo demás funciona.</translation>
    </message>
    <message>
        <source>The audio output &apos;%1&apos; does not play 44.1 kHz stereo: playback is off.</source>
        <translation>La salida de audio «%1» no reproduce estéreo a 44,1 kHz: la reproducción está desactivada.</translation>
    </message>
</context>
</TS>

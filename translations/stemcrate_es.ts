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
    <message>
        <source>%1 semitones</source>
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
        <source>%1 hits in %2 groups</source>
        <translation>%1 golpes en %2 grupos</translation>
    </message>
    <message>
        <source>Exporting the kit…</source>
        <translation>Exportando el kit…</translation>
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
        <source>Drop songs here</source>
        <translation>Suelta las canciones aquí</translation>
    </message>
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
        <source>Songs</source>
        <translation>Canciones</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
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
        <source>&amp;Export Selection…</source>
        <translation>&amp;Exportar selección…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
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
        <source>Delete (song, sample or selection)</source>
        <translation>Eliminar (canción, sample o selección)</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Espectrograma</translation>
    </message>
    <message>
        <source>Cycle Snapping</source>
        <translation>Cambiar modo de ajuste</translation>
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
        <source>Snap: </source>
        <translation>Ajuste: </translation>
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
    <message>
        <source>Exported %1</source>
        <translation>Exportado: %1</translation>
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

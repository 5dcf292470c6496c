<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en_US">
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backups: checking…</source>
        <translation>Copias de seguridad: comprobando…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
</context>
<context>
    <name>BookHere</name>
    <message>
        <source>emergency</source>
        <translation>emergencia</translation>
    </message>
    <message>
        <source>refer to physician</source>
        <translation>derivar al médico</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>requiere revisión</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>sin alertas</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelta</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <source>with {therapist} at {location}, {day}, {time}</source>
        <translation>con {therapist} en {location}, {day}, {time}</translation>
    </message>
    <message>
        <source>not screened</source>
        <translation>sin evaluación de riesgos</translation>
    </message>
    <message>
        <source>Book this time</source>
        <translation>Reservar este horario</translation>
    </message>
    <message>
        <source>{name} ({code}, {minutes} min)</source>
        <translation>{name} ({code}, {minutes} min)</translation>
    </message>
    <message>
        <source>This visit is booked from the patient&apos;s screened intake.</source>
        <translation>Esta cita se reserva a partir de la admisión evaluada del paciente.</translation>
    </message>
    <message>
        <source>No screening needed for this visit type.</source>
        <translation>Este tipo de cita no requiere evaluación de riesgos.</translation>
    </message>
    <message>
        <source>Patient: {name} (record {record})</source>
        <translation>Paciente: {name} (expediente {record})</translation>
    </message>
    <message>
        <source>Patient: {name}</source>
        <translation>Paciente: {name}</translation>
    </message>
    <message>
        <source>Loading the patient&apos;s intakes…</source>
        <translation>Cargando las admisiones del paciente…</translation>
    </message>
    <message>
        <source>No intake yet: take the screening first</source>
        <translation>Aún no hay admisión: primero haga la evaluación de riesgos</translation>
    </message>
    <message>
        <source>Choose the patient first: type a name, then Enter.</source>
        <translation>Primero elija al paciente: escriba un nombre y pulse Intro.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Reservando…</translation>
    </message>
    <message>
        <source>Not booked: {message} Close this and choose another free time.</source>
        <translation>No se reservó: {message} Cierre esto y elija otro horario libre.</translation>
    </message>
    <message>
        <source>Not booked: {message}</source>
        <translation>No se reservó: {message}</translation>
    </message>
    <message>
        <source>Book {place}</source>
        <translation>Reservar {place}</translation>
    </message>
    <message>
        <source>Patient: none chosen yet</source>
        <translation>Paciente: ninguno elegido aún</translation>
    </message>
    <message>
        <source>Chosen patient</source>
        <translation>Paciente elegido</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <source>Choose the patient first</source>
        <translation>Primero elija al paciente</translation>
    </message>
    <message>
        <source>Visit &amp;type</source>
        <translation>&amp;Tipo de cita</translation>
    </message>
    <message>
        <source>&amp;Intake</source>
        <translation>&amp;Admisión</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Estado de la reserva</translation>
    </message>
    <message>
        <source>&amp;Book (Ctrl+B)</source>
        <translation>&amp;Reservar (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>BookingConfirmation</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>✔  Booked</source>
        <translation>✔  Cita reservada</translation>
    </message>
    <message>
        <source>&amp;Add to calendar…</source>
        <translation>&amp;Agregar al calendario…</translation>
    </message>
    <message>
        <source>Save the visit as a calendar file</source>
        <translation>Guardar la cita como archivo de calendario</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print the confirmation (Ctrl+P)</source>
        <translation>Imprimir la confirmación (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the confirmation as a PDF file</source>
        <translation>Guardar la confirmación como archivo PDF</translation>
    </message>
    <message>
        <source>&amp;Back to slots</source>
        <translation>&amp;Volver a los horarios</translation>
    </message>
    <message>
        <source>Back to the slot list</source>
        <translation>Volver a la lista de horarios</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Save the confirmation as PDF</source>
        <translation>Guardar la confirmación como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Review: a therapist reviews the intake before this visit.</source>
        <translation>Revisión: un fisioterapeuta revisa la admisión antes de esta cita.</translation>
    </message>
    <message>
        <source>The patient&apos;s calendar file, printout and PDF are in {language}.</source>
        <translation>El archivo de calendario, la impresión y el PDF del paciente están en {language}.</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Archivo de calendario</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}.</source>
        <translation>No se pudo guardar el PDF en {path}.</translation>
    </message>
    <message>
        <source>{span}  (local time at the location)</source>
        <translation>{span}  (hora local de la sede)</translation>
    </message>
    <message>
        <source>Appointment {number}</source>
        <translation>Cita {number}</translation>
    </message>
</context>
<context>
    <name>BookingFilters</name>
    <message>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Noche</translation>
    </message>
    <message>
        <source>Appointment type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <source>Locations (none ticked means all)</source>
        <translation>Sedes (ninguna marcada: todas)</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Number of days to search</source>
        <translation>Número de días a buscar</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Part of day: {part}</source>
        <translation>Parte del día: {part}</translation>
    </message>
    <message>
        <source>Therapist (optional)</source>
        <translation>Fisioterapeuta (opcional)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>Part of day</source>
        <translation>Parte del día</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>T&amp;herapist</source>
        <translation>&amp;Fisioterapeuta</translation>
    </message>
    <message>
        <source>&amp;Locations — none ticked: all</source>
        <translation>&amp;Sedes — ninguna marcada: todas</translation>
    </message>
    <message>
        <source>{name} ({minutes} min)</source>
        <translation>{name} ({minutes} min)</translation>
    </message>
    <message>
        <source>Any therapist</source>
        <translation>Cualquier fisioterapeuta</translation>
    </message>
</context>
<context>
    <name>BookingPanel</name>
    <message>
        <source>Lost booking race</source>
        <translation>Otra persona reservó antes</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Estado de la reserva</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <source>Book selected slot</source>
        <translation>Reservar el horario elegido</translation>
    </message>
    <message>
        <source>&amp;Search again (F5)</source>
        <translation>&amp;Buscar de nuevo (F5)</translation>
    </message>
    <message>
        <source>Boo&amp;k selected slot (Ctrl+B)</source>
        <translation>&amp;Reservar horario (Ctrl+B)</translation>
    </message>
    <message>
        <source>No suitable slot — add to waitlist</source>
        <translation>Ningún horario sirve: agregar a la lista de espera</translation>
    </message>
    <message>
        <source>No suitable slot — add to &amp;waitlist…</source>
        <translation>Ningún horario sirve: &amp;lista de espera…</translation>
    </message>
    <message>
        <source>Loading locations and appointment types…</source>
        <translation>Cargando sedes y tipos de cita…</translation>
    </message>
    <message>
        <source>Choose a slot and press Enter to book.</source>
        <translation>Elija un horario y pulse Intro para reservar.</translation>
    </message>
    <message>
        <source>Booking blocked: {reason}</source>
        <translation>Reserva bloqueada: {reason}</translation>
    </message>
    <message>
        <source>Booking allowed. Choose a slot and press Enter.</source>
        <translation>Reserva permitida. Elija un horario y pulse Intro.</translation>
    </message>
    <message>
        <source>Calendar file saved: {path}</source>
        <translation>Archivo de calendario guardado: {path}</translation>
    </message>
    <message>
        <source>PDF saved: {path}</source>
        <translation>PDF guardado: {path}</translation>
    </message>
    <message>
        <source>Confirmation sent to the printer.</source>
        <translation>Confirmación enviada a la impresora.</translation>
    </message>
    <message>
        <source>On the waitlist: the desk sees the offer when a matching slot frees.</source>
        <translation>En la lista de espera: recepción verá la oferta cuando se libere un horario adecuado.</translation>
    </message>
    <message>
        <source>{count} free slots, soonest first. Enter books.</source>
        <translation>Horarios libres: {count}, los más próximos primero. Intro reserva.</translation>
    </message>
    <message>
        <source>No free slots match. Widen the dates or clear a filter, or add the caller to the waitlist (Ctrl+Shift+L).</source>
        <translation>Ningún horario libre coincide. Amplíe las fechas o quite un filtro, o agregue a la persona a la lista de espera (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <source>Search failed: {message}</source>
        <translation>La búsqueda falló: {message}</translation>
    </message>
    <message>
        <source>Choose a slot first (arrow keys), then press Enter.</source>
        <translation>Primero elija un horario (flechas) y luego pulse Intro.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Reservando…</translation>
    </message>
    <message>
        <source>Booking {slot}…</source>
        <translation>Reservando {slot}…</translation>
    </message>
    <message>
        <source>Booked: {visit}.</source>
        <translation>Reservada: {visit}.</translation>
    </message>
    <message>
        <source>Not booked: {message} The nearest free slots are listed below; Enter books the highlighted one. F5 searches again with your filters.</source>
        <translation>No se reservó: {message} Abajo están los horarios libres más cercanos; Intro reserva el resaltado. F5 busca de nuevo con sus filtros.</translation>
    </message>
    <message>
        <source>Not booked: {message} The list below is searched again.</source>
        <translation>No se reservó: {message} La lista de abajo se busca de nuevo.</translation>
    </message>
    <message>
        <source>Not booked: {message}</source>
        <translation>No se reservó: {message}</translation>
    </message>
    <message>
        <source>Already booked: {visit}.</source>
        <translation>Ya reservada: {visit}.</translation>
    </message>
    <message>
        <source>Not booked: the evaluation on {visit} stays.</source>
        <translation>No se reservó: se mantiene la evaluación del {visit}.</translation>
    </message>
    <message>
        <source>Could not load the practice&apos;s locations: {message}</source>
        <translation>No se pudieron cargar las sedes de la clínica: {message}</translation>
    </message>
    <message>
        <source>Put the caller on the waitlist (Ctrl+Shift+L)</source>
        <translation>Agregar a la persona a la lista de espera (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Book the highlighted slot (Enter or Ctrl+B)</source>
        <translation>Reservar el horario resaltado (Intro o Ctrl+B)</translation>
    </message>
    <message>
        <source>Choose the patient first.</source>
        <translation>Primero elija al paciente.</translation>
    </message>
    <message>
        <source>Booking is under way…</source>
        <translation>La reserva está en curso…</translation>
    </message>
    <message>
        <source>Book the visit</source>
        <translation>Reservar la cita</translation>
    </message>
</context>
<context>
    <name>BookingWording</name>
    <message>
        <source>{day}, {span}, {therapist} at {location}</source>
        <translation>{day}, {span}, {therapist} en {location}</translation>
    </message>
    <message>
        <source>{day} at {time} {zone}, {location}</source>
        <translation>{day} a las {time} {zone}, {location}</translation>
    </message>
</context>
<context>
    <name>CalendarOffer</name>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>For the patient&apos;s calendar: a cancellation file takes the visit out of it.</source>
        <translation>Para el calendario del paciente: un archivo de cancelación quita la cita de su calendario.</translation>
    </message>
    <message>
        <source>Sa&amp;ve the cancellation (.ics)…</source>
        <translation>&amp;Guardar la cancelación (.ics)…</translation>
    </message>
    <message>
        <source>Save the cancellation for the patient</source>
        <translation>Guardar la cancelación para el paciente</translation>
    </message>
    <message>
        <source>For the patient&apos;s calendar: the new time replaces the old entry.</source>
        <translation>Para el calendario del paciente: la nueva hora reemplaza la anterior.</translation>
    </message>
    <message>
        <source>Sa&amp;ve the new time (.ics)…</source>
        <translation>&amp;Guardar la nueva hora (.ics)…</translation>
    </message>
    <message>
        <source>Save the new time for the patient</source>
        <translation>Guardar la nueva hora para el paciente</translation>
    </message>
    <message>
        <source>Save a calendar file to give or send to the patient (Alt+V)</source>
        <translation>Guardar un archivo de calendario para entregar o enviar al paciente (Alt+G)</translation>
    </message>
    <message>
        <source>Save the cancellation as a calendar file</source>
        <translation>Guardar la cancelación como archivo de calendario</translation>
    </message>
    <message>
        <source>Save the new time as a calendar file</source>
        <translation>Guardar la nueva hora como archivo de calendario</translation>
    </message>
    <message>
        <source>Cancellation calendar file</source>
        <translation>Archivo de calendario de la cancelación</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Archivo de calendario</translation>
    </message>
    <message>
        <source>The calendar file was not saved: {message}</source>
        <translation>No se guardó el archivo de calendario: {message}</translation>
    </message>
</context>
<context>
    <name>ConfirmationSlip</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Appointment confirmation</source>
        <translation>Confirmación de cita</translation>
    </message>
    <message>
        <source>Please arrive ten minutes early. To change or cancel, call the practice; cancelling less than 24 hours ahead counts as a late cancellation.</source>
        <translation>Por favor, llegue diez minutos antes. Para cambiar o cancelar, llame a la clínica; cancelar con menos de 24 horas de anticipación cuenta como cancelación tardía.</translation>
    </message>
    <message>
        <source>{span}  (local time at the location)</source>
        <translation>{span}  (hora local de la sede)</translation>
    </message>
    <message>
        <source>Appointment {number}</source>
        <translation>Cita {number}</translation>
    </message>
</context>
<context>
    <name>CourseActions</name>
    <message>
        <source>Book a course of visits…</source>
        <translation>Programar una serie de citas…</translation>
    </message>
    <message>
        <source>Cancel the rest of the course…</source>
        <translation>Cancelar el resto de la serie…</translation>
    </message>
    <message>
        <source>Move the rest of the course…</source>
        <translation>Cambiar el resto de la serie…</translation>
    </message>
    <message>
        <source>Cancel the rest of the course</source>
        <translation>Cancelar el resto de la serie</translation>
    </message>
    <message>
        <source>Cancel the rest (Enter)</source>
        <translation>Cancelar el resto (Intro)</translation>
    </message>
    <message>
        <source>Keep the course (Esc)</source>
        <translation>Mantener la serie (Esc)</translation>
    </message>
    <message>
        <source>Choose an evaluation the patient came to first.</source>
        <translation>Primero elija una evaluación a la que el paciente asistió.</translation>
    </message>
    <message>
        <source>Course booked: {n} visits.</source>
        <translation>Serie programada: {n} citas.</translation>
    </message>
    <message>
        <source>{who}: this visit ({which}) and every later visit of the course still booked. Choose or type the reason, and say who cancelled.</source>
        <translation>{who}: esta cita ({which}) y todas las citas posteriores de la serie que siguen programadas. Elija o escriba el motivo e indique quién canceló.</translation>
    </message>
    <message>
        <source>Say why the course is cancelled, then Enter.</source>
        <translation>Indique por qué se cancela la serie y pulse Intro.</translation>
    </message>
    <message>
        <source>Say who cancelled: the patient (Alt+P) or the clinic (Alt+C).</source>
        <translation>Indique quién canceló: el paciente (Alt+P) o la clínica (Alt+C).</translation>
    </message>
    <message>
        <source>cancel the rest of {who}&apos;s course</source>
        <translation>cancelar el resto de la serie de {who}</translation>
    </message>
    <message>
        <source>Cancelled {n} visits of {who}&apos;s course (visits {span}).</source>
        <translation>Se cancelaron {n} citas de la serie de {who} (citas {span}).</translation>
    </message>
    <message>
        <source>Moved the rest of the course: {n} visits.</source>
        <translation>Se cambió el resto de la serie: {n} citas.</translation>
    </message>
    <message>
        <source>Choose a visit of a course first.</source>
        <translation>Primero elija una cita de una serie.</translation>
    </message>
    <message>
        <source>The rest of a course is changed from a visit still booked.</source>
        <translation>El resto de una serie se cambia desde una cita que sigue programada.</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Move the rest of the course — {who}</source>
        <translation>Cambiar el resto de la serie — {who}</translation>
    </message>
    <message>
        <source>Book a course of visits — {who}</source>
        <translation>Programar una serie de citas — {who}</translation>
    </message>
    <message>
        <source>Loading the practice…</source>
        <translation>Cargando la clínica…</translation>
    </message>
    <message>
        <source>Save the list of visits as PDF</source>
        <translation>Guardar la lista de citas en PDF</translation>
    </message>
    <message>
        <source>Could not load the practice: </source>
        <translation>No se pudo cargar la clínica: </translation>
    </message>
    <message>
        <source>Finding times for the course…</source>
        <translation>Buscando horarios para la serie…</translation>
    </message>
    <message>
        <source>Could not propose the course: </source>
        <translation>No se pudo proponer la serie: </translation>
    </message>
    <message>
        <source>{n} visits proposed</source>
        <translation>{n} citas propuestas</translation>
    </message>
    <message>
        <source>{n} moved</source>
        <translation>cambiadas: {n}</translation>
    </message>
    <message>
        <source>{n} with no time</source>
        <translation>sin horario: {n}</translation>
    </message>
    <message>
        <source>a visit with no time is cancelled, not moved</source>
        <translation>una cita sin horario se cancela, no se cambia</translation>
    </message>
    <message>
        <source>In the table, Space leaves a visit out, Enter offers other times.</source>
        <translation>En la tabla, Espacio deja fuera una cita e Intro ofrece otros horarios.</translation>
    </message>
    <message>
        <source>Move {n} visits</source>
        <translation>Cambiar citas: {n}</translation>
    </message>
    <message>
        <source>Book {n} visits</source>
        <translation>Programar citas: {n}</translation>
    </message>
    <message>
        <source>Move the course</source>
        <translation>Cambiar la serie</translation>
    </message>
    <message>
        <source>Book the course</source>
        <translation>Programar la serie</translation>
    </message>
    <message>
        <source>Put the {n} visits with no time on the &amp;waitlist</source>
        <translation>Poner en la &amp;lista de espera las citas sin horario ({n})</translation>
    </message>
    <message>
        <source>Put the visits with no time on the &amp;waitlist</source>
        <translation>Poner en la &amp;lista de espera las citas sin horario</translation>
    </message>
    <message>
        <source>No other free time that week for this visit.</source>
        <translation>No hay otro horario libre esa semana para esta cita.</translation>
    </message>
    <message>
        <source>Other free times for this visit</source>
        <translation>Otros horarios libres para esta cita</translation>
    </message>
    <message>
        <source>{day}, {time} with {who}</source>
        <translation>{day}, {time} con {who}</translation>
    </message>
    <message>
        <source>The rule changed: check the new proposal, then book.</source>
        <translation>La regla cambió: revise la nueva propuesta y después programe.</translation>
    </message>
    <message>
        <source>Booking the course…</source>
        <translation>Programando la serie…</translation>
    </message>
    <message>
        <source>The new times say &quot;New time&quot; (in bold). Check them and book again.</source>
        <translation>Los nuevos horarios dicen &quot;Nuevo horario&quot; (en negrita). Revíselos y vuelva a programar.</translation>
    </message>
    <message>
        <source>Not booked: </source>
        <translation>No se programó: </translation>
    </message>
    <message>
        <source>{n}. {day}, {time} with {who} at {where}</source>
        <translation>{n}. {day}, {time} con {who} en {where}</translation>
    </message>
    <message>
        <source>✔  Moved {n} visits of the course for {who}</source>
        <translation>✔  Se cambiaron {n} citas de la serie de {who}</translation>
    </message>
    <message>
        <source>✔  Booked {n} visits for {who}</source>
        <translation>✔  Se programaron {n} citas para {who}</translation>
    </message>
    <message>
        <source>Visits {numbers} have no time yet: they are on the waitlist.</source>
        <translation>Las citas {numbers} aún no tienen horario: están en la lista de espera.</translation>
    </message>
    <message>
        <source>Visits {numbers} have no time and were not put on the waitlist.</source>
        <translation>Las citas {numbers} no tienen horario y no se pusieron en la lista de espera.</translation>
    </message>
    <message>
        <source>Save the course as a calendar file</source>
        <translation>Guardar la serie como archivo de calendario</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Archivo de calendario</translation>
    </message>
    <message>
        <source>List of visits</source>
        <translation>Lista de citas</translation>
    </message>
    <message>
        <source>Move the rest of the course for {who}</source>
        <translation>Cambiar el resto de la serie de {who}</translation>
    </message>
    <message>
        <source>Course of visits for {who}</source>
        <translation>Serie de citas de {who}</translation>
    </message>
    <message>
        <source>Proposed visits</source>
        <translation>Citas propuestas</translation>
    </message>
    <message>
        <source>Course status</source>
        <translation>Estado de la serie</translation>
    </message>
    <message>
        <source>&amp;Leave out / back in (Space)</source>
        <translation>&amp;Dejar fuera / volver a incluir (Espacio)</translation>
    </message>
    <message>
        <source>Leave the chosen visit out, or take it back</source>
        <translation>Dejar fuera la cita elegida, o volver a incluirla</translation>
    </message>
    <message>
        <source>Other &amp;time… (Enter)</source>
        <translation>&amp;Otro horario… (Intro)</translation>
    </message>
    <message>
        <source>Choose another free time for the visit</source>
        <translation>Elegir otro horario libre para la cita</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>&amp;Proposed visits</source>
        <translation>Citas &amp;propuestas</translation>
    </message>
    <message>
        <source>Booked visits</source>
        <translation>Citas programadas</translation>
    </message>
    <message>
        <source>&amp;Print list (PDF)…</source>
        <translation>&amp;Imprimir lista (PDF)…</translation>
    </message>
    <message>
        <source>Save the list of visits as a PDF for the patient</source>
        <translation>Guardar la lista de citas en PDF para el paciente</translation>
    </message>
    <message>
        <source>Calendar &amp;file (.ics)…</source>
        <translation>&amp;Archivo de calendario (.ics)…</translation>
    </message>
    <message>
        <source>Save the course as a calendar file for the patient</source>
        <translation>Guardar la serie como archivo de calendario para el paciente</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
</context>
<context>
    <name>CourseList</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Times are local time at the location.</source>
        <translation>Las horas son la hora local de la sede.</translation>
    </message>
    <message>
        <source>Visits {numbers} have no time yet: the practice will call you.</source>
        <translation>Las citas {numbers} aún no tienen horario: la clínica le llamará.</translation>
    </message>
    <message>
        <source>Your course of visits</source>
        <translation>Su serie de citas</translation>
    </message>
    <message>
        <source>Please arrive ten minutes early. To change or cancel a visit, call the practice; cancelling less than 24 hours ahead counts as a late cancellation.</source>
        <translation>Por favor, llegue diez minutos antes. Para cambiar o cancelar una cita, llame a la clínica; cancelar con menos de 24 horas de anticipación cuenta como cancelación tardía.</translation>
    </message>
    <message>
        <source>Course of visits</source>
        <translation>Serie de citas</translation>
    </message>
</context>
<context>
    <name>DailyList</name>
    <message>
        <source>Daily list for {day} · times in {zone}</source>
        <translation>Lista del día {day} · horas en {zone}</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>No visits.</source>
        <translation>Sin citas.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Daily list {location} {day}</source>
        <translation>Lista del día {location} {day}</translation>
    </message>
</context>
<context>
    <name>FhirExportTab</name>
    <message>
        <source>Writes patients, intakes with their screening, appointments and the practice&apos;s set-up as FHIR R4 Bulk Data files (one TYPE.ndjson per resource type) for an EHR, a registry or a payer. The files of an earlier export in the folder are replaced.</source>
        <translation>Escribe los pacientes, las admisiones con su evaluación de riesgos, las citas y la configuración de la clínica como archivos FHIR R4 Bulk Data (un TYPE.ndjson por tipo de recurso) para un expediente electrónico, un registro o una aseguradora. Los archivos de una exportación anterior en la carpeta se reemplazan.</translation>
    </message>
    <message>
        <source>Folder for the export</source>
        <translation>Carpeta de la exportación</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the folder for the export</source>
        <translation>Elegir la carpeta de la exportación</translation>
    </message>
    <message>
        <source>Only what changed since</source>
        <translation>Solo lo que cambió desde</translation>
    </message>
    <message>
        <source>Changed since this day</source>
        <translation>Cambiado desde este día</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Start the FHIR export</source>
        <translation>Iniciar la exportación FHIR</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the FHIR export</source>
        <translation>Cancelar la exportación FHIR</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Export FHIR to</source>
        <translation>Exportar FHIR a</translation>
    </message>
    <message>
        <source>Choose a folder for the export.</source>
        <translation>Elija una carpeta para la exportación.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>the practice&apos;s set-up</source>
        <translation>la configuración de la clínica</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>pacientes</translation>
    </message>
    <message>
        <source>intakes</source>
        <translation>admisiones</translation>
    </message>
    <message>
        <source>appointments</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>Exporting {what}: {done:,} of {total:,} rows</source>
        <translation>Exportando {what}: {done:,} de {total:,} filas</translation>
    </message>
    <message>
        <source>Exported {counts}.</source>
        <translation>Exportado: {counts}.</translation>
    </message>
    <message>
        <source>FHIR export</source>
        <translation>Exportación FHIR</translation>
    </message>
    <message>
        <source>FHIR export saved: {folder}</source>
        <translation>Exportación FHIR guardada: {folder}</translation>
    </message>
</context>
<context>
    <name>FrontDesk</name>
    <message>
        <source>{family}, {given} · born {born} · {mrn}</source>
        <translation>{family}, {given} · nació el {born} · {mrn}</translation>
    </message>
    <message>
        <source>Register a new patient</source>
        <translation>Registrar un paciente nuevo</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>Volver a la búsqueda</translation>
    </message>
    <message>
        <source>Back to the patient search</source>
        <translation>Volver a la búsqueda de pacientes</translation>
    </message>
    <message>
        <source>Draft discarded.</source>
        <translation>Borrador descartado.</translation>
    </message>
    <message>
        <source>a patient not chosen yet</source>
        <translation>un paciente aún sin elegir</translation>
    </message>
    <message>
        <source>a new patient&apos;s registration</source>
        <translation>el registro de un paciente nuevo</translation>
    </message>
    <message>
        <source>Opening the patient record…</source>
        <translation>Abriendo el expediente del paciente…</translation>
    </message>
    <message>
        <source>finish the intake first</source>
        <translation>termine primero la admisión</translation>
    </message>
    <message>
        <source>the screening does not allow booking.</source>
        <translation>la evaluación de riesgos no permite programar la cita.</translation>
    </message>
    <message>
        <source>Intake stored. Choose a slot and press Enter to book.</source>
        <translation>Admisión guardada. Elija un horario y pulse Intro para programar la cita.</translation>
    </message>
    <message>
        <source>Intake closed</source>
        <translation>Admisión cerrada</translation>
    </message>
    <message>
        <source>{words}. The clinician on duty sees it in the review queue.</source>
        <translation>{words}. El clínico de turno la verá en la cola de revisión.</translation>
    </message>
    <message>
        <source>Evaluation booked.</source>
        <translation>Evaluación inicial programada.</translation>
    </message>
    <message>
        <source>the intake for {who} (answers: {count})</source>
        <translation>la admisión de {who} (respuestas: {count})</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Clinic Intake is locked</source>
        <translation>Clinic Intake está bloqueado</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Lock screen message</source>
        <translation>Mensaje de la pantalla de bloqueo</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Iniciar sesión como otra persona</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role}). Enter your password to go on; your unsaved work is kept. Someone else can sign in with Switch user.</source>
        <translation>Sesión iniciada como {name} ({role}). Escriba su contraseña para continuar; su trabajo sin guardar se conserva. Otra persona puede iniciar sesión con Cambiar de usuario.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Enter the user name and password.</source>
        <translation>Escriba el nombre de usuario y la contraseña.</translation>
    </message>
    <message>
        <source>Clinic Intake — locked</source>
        <translation>Clinic Intake — bloqueado</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>Questions in</source>
        <translation>Preguntas en</translation>
    </message>
    <message>
        <source>The language the questions are read to the patient in; answers are kept</source>
        <translation>El idioma en que se leen las preguntas al paciente; las respuestas se conservan</translation>
    </message>
    <message>
        <source>Questions in:</source>
        <translation>Preguntas en:</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>An unfinished draft on this computer was not offered back: the journal file was changed or cut short outside the program (or sealed for another database); it is kept in {folder} as {names} for your IT person.</source>
        <translation>Un borrador sin terminar en esta computadora no se ofreció de nuevo: el archivo del diario se modificó o se cortó fuera del programa (o se selló para otra base de datos); se guarda en {folder} como {names} para su persona de informática.</translation>
    </message>
    <message>
        <source>{count} unfinished drafts on this computer were not offered back: the journal file was changed or cut short outside the program (or sealed for another database); it is kept in {folder} as {names} for your IT person.</source>
        <translation>Borradores sin terminar en esta computadora que no se ofrecieron de nuevo: {count}. El archivo del diario se modificó o se cortó fuera del programa (o se selló para otra base de datos); se guarda en {folder} como {names} para su persona de informática.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>Find a patient</source>
        <translation>Buscar un paciente</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>Undo no-show</source>
        <translation>Deshacer «no se presentó»</translation>
    </message>
    <message>
        <source>About Clinic Intake</source>
        <translation>Acerca de Clinic Intake</translation>
    </message>
    <message>
        <source>Open what is chosen</source>
        <translation>Abrir lo elegido</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Programar cita</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of Clinic Intake on this computer:</source>
        <translation>El idioma de Clinic Intake en esta computadora:</translation>
    </message>
    <message>
        <source>The system&apos;s language ({name})</source>
        <translation>El idioma del sistema ({name})</translation>
    </message>
    <message>
        <source>Takes effect the next time the program starts.</source>
        <translation>Se aplica la próxima vez que se inicie el programa.</translation>
    </message>
    <message>
        <source>{variable} is set on this computer: it wins over this choice.</source>
        <translation>{variable} está definida en esta computadora: tiene prioridad sobre esta elección.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>No se guardó: {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clinic Intake</source>
        <translation>Clinic Intake</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <source>Take a new patient&apos;s intake and book the evaluation</source>
        <translation>Hacer la admisión de un paciente nuevo y programar la evaluación inicial</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Day and week views of every location</source>
        <translation>Vistas por día y por semana de cada sede</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Intakes waiting for a therapist&apos;s review</source>
        <translation>Admisiones pendientes de revisión por un fisioterapeuta</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Find and update patient records</source>
        <translation>Buscar y actualizar expedientes de pacientes</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Locations, therapists, schedules and accounts</source>
        <translation>Sedes, fisioterapeutas, horarios y cuentas</translation>
    </message>
    <message>
        <source>Close Clinic Intake</source>
        <translation>Cerrar Clinic Intake</translation>
    </message>
    <message>
        <source>Close and keep it for later</source>
        <translation>Cerrar y guardarlo para después</translation>
    </message>
    <message>
        <source>Go back to it</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Not finished yet: {work}.

It is kept on this computer and offered back the next time Clinic Intake starts here.</source>
        <translation>Sin terminar: {work}.

Se guarda en esta computadora y se le ofrecerá de nuevo la próxima vez que Clinic Intake se inicie aquí.</translation>
    </message>
    <message>
        <source>Intake answers not yet in the database are sent now if it can be reached.</source>
        <translation>Las respuestas de admisión que aún no están en la base de datos se envían ahora si se puede conectar con ella.</translation>
    </message>
    <message>
        <source>Not saved: {work}. Closing now drops them: go back to save them.</source>
        <translation>Sin guardar: {work}. Si cierra ahora, se perderán: vuelva para guardarlos.</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>Conectando con la base de datos…</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Áreas</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Base de datos en uso</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>The program&apos;s version and schema revision (F1)</source>
        <translation>La versión del programa y la revisión del esquema (F1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Choose the interface language</source>
        <translation>Elegir el idioma de la interfaz</translation>
    </message>
    <message>
        <source>The language of the program on this computer</source>
        <translation>El idioma del programa en esta computadora</translation>
    </message>
    <message>
        <source>Database: {address}</source>
        <translation>Base de datos: {address}</translation>
    </message>
    <message>
        <source>Sign in to start. The areas your role allows appear on the left.</source>
        <translation>Inicie sesión para empezar. Las áreas que permite su función aparecen a la izquierda.</translation>
    </message>
</context>
<context>
    <name>PatientExportButton</name>
    <message>
        <source>Export FHIR…</source>
        <translation>Exportar FHIR…</translation>
    </message>
    <message>
        <source>Export this patient&apos;s data as a FHIR file</source>
        <translation>Exportar los datos de este paciente como archivo FHIR</translation>
    </message>
    <message>
        <source>Save this patient&apos;s record, intakes with their screening and appointments as one FHIR R4 Bundle (JSON) for another practice or an EHR</source>
        <translation>Guardar el expediente, las admisiones con su evaluación de riesgos y las citas de este paciente como un Bundle FHIR R4 (JSON) para otra clínica o un expediente electrónico</translation>
    </message>
    <message>
        <source>Only an administrator may export patient data as FHIR.</source>
        <translation>Solo un administrador puede exportar datos de pacientes como FHIR.</translation>
    </message>
    <message>
        <source>Export FHIR</source>
        <translation>Exportar FHIR</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Book</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Left out of the course</source>
        <translation>Fuera de la serie</translation>
    </message>
    <message>
        <source>Changed here to {day} {time}</source>
        <translation>Cambiada aquí a {day} {time}</translation>
    </message>
    <message>
        <source>New time — </source>
        <translation>Nuevo horario — </translation>
    </message>
    <message>
        <source>free as wanted</source>
        <translation>libre como se pidió</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>día festivo</translation>
    </message>
    <message>
        <source>therapist away</source>
        <translation>fisioterapeuta ausente</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>ocupado</translation>
    </message>
    <message>
        <source>patient has another visit</source>
        <translation>el paciente tiene otra cita</translation>
    </message>
    <message>
        <source>already past</source>
        <translation>ya pasó</translation>
    </message>
    <message>
        <source>outside working hours</source>
        <translation>fuera del horario de trabajo</translation>
    </message>
    <message>
        <source>: no free time that week</source>
        <translation>: sin horario libre esa semana</translation>
    </message>
    <message>
        <source>: {instead} instead</source>
        <translation>: en su lugar, {instead}</translation>
    </message>
    <message>
        <source>Visit {n}, wanted {day} at {time}</source>
        <translation>Cita {n}, pedida el {day} a las {time}</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Book a course of visits…</source>
        <translation>Programar una serie de citas…</translation>
    </message>
    <message>
        <source>Book a course of visits for this patient</source>
        <translation>Programar una serie de citas para este paciente</translation>
    </message>
    <message>
        <source>Could not export: {message}</source>
        <translation>No se pudo exportar: {message}</translation>
    </message>
    <message>
        <source>FHIR export</source>
        <translation>Exportación FHIR</translation>
    </message>
    <message>
        <source>Saved the patient&apos;s FHIR export.</source>
        <translation>Se guardó la exportación FHIR del paciente.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>FHIR export saved: {path}</source>
        <translation>Exportación FHIR guardada: {path}</translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>Type &quot;930&quot; or &quot;2p&quot;, or use the arrows</source>
        <translation>Escriba &quot;930&quot; o &quot;2p&quot;, o use las flechas</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>&amp;Any therapist at this location</source>
        <translation>&amp;Cualquier fisioterapeuta de esta sede</translation>
    </message>
    <message>
        <source>Visit on {day}</source>
        <translation>Cita el {day}</translation>
    </message>
    <message>
        <source>Time on {day}</source>
        <translation>Hora el {day}</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Citas</translation>
    </message>
    <message>
        <source>Ends after a number of visits</source>
        <translation>Termina tras un número de citas</translation>
    </message>
    <message>
        <source>or &amp;until</source>
        <translation>o &amp;hasta</translation>
    </message>
    <message>
        <source>Ends on a day</source>
        <translation>Termina en una fecha</translation>
    </message>
    <message>
        <source>Number of visits</source>
        <translation>Número de citas</translation>
    </message>
    <message>
        <source>Last day of the course</source>
        <translation>Último día de la serie</translation>
    </message>
    <message>
        <source>Moved visits only &amp;between</source>
        <translation>Citas cambiadas solo &amp;entre</translation>
    </message>
    <message>
        <source>Keep other times inside the patient&apos;s window</source>
        <translation>Mantener otros horarios dentro de la franja del paciente</translation>
    </message>
    <message>
        <source>Earliest time the patient can come</source>
        <translation>Hora más temprana a la que puede venir el paciente</translation>
    </message>
    <message>
        <source>Latest time the patient can stay until</source>
        <translation>Hora más tardía hasta la que puede quedarse el paciente</translation>
    </message>
    <message>
        <source>There is no follow-up visit type to book a course of.</source>
        <translation>No hay un tipo de cita de seguimiento para programar una serie.</translation>
    </message>
    <message>
        <source>Choose a location.</source>
        <translation>Elija una sede.</translation>
    </message>
    <message>
        <source>Choose a therapist who works at this location.</source>
        <translation>Elija un fisioterapeuta que trabaje en esta sede.</translation>
    </message>
    <message>
        <source>Tick the weekdays of the course and their times.</source>
        <translation>Marque los días de la semana de la serie y sus horas.</translation>
    </message>
    <message>
        <source>The patient&apos;s window must end after it starts.</source>
        <translation>La franja del paciente debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>Visit &amp;type</source>
        <translation>&amp;Tipo de cita</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Sede</translation>
    </message>
    <message>
        <source>T&amp;herapist</source>
        <translation>&amp;Fisioterapeuta</translation>
    </message>
    <message>
        <source>Weekdays and times</source>
        <translation>Días y horas</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>&amp;Primer día</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
</context>
<context>
    <name>SavedFiles</name>
    <message>
        <source>Saved file</source>
        <translation>Archivo guardado</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the folder of the saved file</source>
        <translation>Abrir la carpeta del archivo guardado</translation>
    </message>
    <message>
        <source>{what} saved: {path}</source>
        <translation>{what} guardado: {path}</translation>
    </message>
    <message>
        <source>No file manager could open {folder}.</source>
        <translation>Ningún explorador de archivos pudo abrir {folder}.</translation>
    </message>
</context>
<context>
    <name>ScheduleCanvas</name>
    <message>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Llegó</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>, intake needs review</source>
        <translation>, la admisión requiere revisión</translation>
    </message>
    <message>
        <source>{start} to {end} {zone}: {patient}, {type}{course}, {status}{review}, with {therapist} at {location}</source>
        <translation>{start} a {end} {zone}: {patient}, {type}{course}, {status}{review}, con {therapist} en {location}</translation>
    </message>
    <message>
        <source>Visit {n} of {last} of a course</source>
        <translation>Cita {n} de {last} de una serie</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Schedule: {title}</source>
        <translation>Agenda: {title}</translation>
    </message>
    <message>
        <source>No therapist works here on this day.</source>
        <translation>Ningún fisioterapeuta trabaja aquí este día.</translation>
    </message>
    <message>
        <source>+ Book {time}</source>
        <translation>+ Reservar {time}</translation>
    </message>
    <message>
        <source>Book ⏎</source>
        <translation>Reservar ⏎</translation>
    </message>
    <message>
        <source>not free</source>
        <translation>no libre</translation>
    </message>
    <message>
        <source>{n} of {last}</source>
        <translation>{n} de {last}</translation>
    </message>
    <message>
        <source>Move here</source>
        <translation>Mover aquí</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>free, Enter books</source>
        <translation>libre, Intro reserva</translation>
    </message>
    <message>
        <source>Free: double-click to book {time} with {lane}</source>
        <translation>Libre: doble clic para reservar {time} con {lane}</translation>
    </message>
</context>
<context>
    <name>ScheduleExports</name>
    <message>
        <source>Daily list sent to the printer.</source>
        <translation>Lista del día enviada a la impresora.</translation>
    </message>
    <message>
        <source>Save the daily list as PDF</source>
        <translation>Guardar la lista del día como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Daily list</source>
        <translation>Lista del día</translation>
    </message>
    <message>
        <source>Daily list saved: {path}</source>
        <translation>Lista del día guardada: {path}</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}.</source>
        <translation>No se pudo guardar el PDF en {path}.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Export the schedule</source>
        <translation>Exportar la agenda</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Exported: {path}</source>
        <translation>Exportado: {path}</translation>
    </message>
    <message>
        <source>export the schedule</source>
        <translation>exportar la agenda</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>time_zone</source>
        <translation>zona_horaria</translation>
    </message>
    <message>
        <source>location</source>
        <translation>sede</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>fisioterapeuta</translation>
    </message>
    <message>
        <source>patient_record</source>
        <translation>numero_de_expediente</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>paciente</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>needs_review</source>
        <translation>requiere_revision</translation>
    </message>
</context>
<context>
    <name>ScheduleFreeTime</name>
    <message>
        <source>{time} is not free working time here; choose a green time.</source>
        <translation>{time} no es horario de trabajo libre aquí; elija un horario verde.</translation>
    </message>
    <message>
        <source>the patient</source>
        <translation>el paciente</translation>
    </message>
    <message>
        <source>Booked {patient}: {type}, {day} {time} {zone} with {therapist} at {location}.</source>
        <translation>Cita reservada para {patient}: {type}, {day} {time} {zone} con {therapist} en {location}.</translation>
    </message>
</context>
<context>
    <name>ScheduleLanes</name>
    <message>
        <source>Closed {reason}</source>
        <translation>Cerrado {reason}</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Ausencia</translation>
    </message>
    <message>
        <source>{location} closed</source>
        <translation>{location} cerrada</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>No trabaja</translation>
    </message>
    <message>
        <source>{therapist} · week</source>
        <translation>{therapist} · semana</translation>
    </message>
    <message>
        <source>That time is closed or outside the therapist&apos;s hours.</source>
        <translation>Ese horario está cerrado o fuera del horario del fisioterapeuta.</translation>
    </message>
    <message>
        <source>The therapist is away then (time off or a closure).</source>
        <translation>El fisioterapeuta no está en ese momento (ausencia o cierre).</translation>
    </message>
    <message>
        <source>That time is already taken by another visit.</source>
        <translation>Ese horario ya lo ocupa otra cita.</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>load the practice</source>
        <translation>cargar la clínica</translation>
    </message>
    <message>
        <source>Could not load the schedule: {message}</source>
        <translation>No se pudo cargar la agenda: {message}</translation>
    </message>
    <message>
        <source>Could not {what}: {message} Nothing was changed.</source>
        <translation>No se pudo {what}: {message} No se cambió nada.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Schedule summary</source>
        <translation>Resumen de la agenda</translation>
    </message>
    <message>
        <source>Schedule status</source>
        <translation>Estado de la agenda</translation>
    </message>
    <message>
        <source>Waitlist (Ctrl+Shift+W)</source>
        <translation>Lista de espera (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <source>Dotted green: free, double-click or Shift+arrows then Enter books · Grey: not working or closed · Hatched: time off or closure · Card colour and code: visit type · ⚑ Review: intake not yet reviewed · ✔ checked in · ✔✔ completed · ✖ no-show · Arrows choose · Enter opens patient · drag moves (Esc cancels) · Menu key: actions · Alt+←/→ day · Alt+↑/↓ location</source>
        <translation>Verde punteado: libre, doble clic o Shift+flechas y luego Intro reserva · Gris: no trabaja o cerrado · Rayado: ausencia o cierre · Color y código de la tarjeta: tipo de cita · ⚑ Revisión: admisión aún sin revisar · ✔ llegó · ✔✔ completada · ✖ no se presentó · Flechas eligen · Intro abre al paciente · arrastrar mueve (Esc cancela) · Tecla de menú: acciones · Alt+←/→ día · Alt+↑/↓ sede</translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation>Abrir paciente</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar llegada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>No-show…</source>
        <translation>No se presentó…</translation>
    </message>
    <message>
        <source>Undo no-show</source>
        <translation>Deshacer no presentado</translation>
    </message>
    <message>
        <source>Cancel with reason…</source>
        <translation>Cancelar con motivo…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Cambiar fecha…</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Previous location or therapist</source>
        <translation>Sede o fisioterapeuta anterior</translation>
    </message>
    <message>
        <source>Next location or therapist</source>
        <translation>Sede o fisioterapeuta siguiente</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Show the schedule</source>
        <translation>Mostrar la agenda</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <source>Print daily list…</source>
        <translation>Imprimir lista del día…</translation>
    </message>
    <message>
        <source>Save daily list as PDF…</source>
        <translation>Guardar lista del día como PDF…</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Exportar como CSV…</translation>
    </message>
    <message>
        <source>Export as iCalendar…</source>
        <translation>Exportar como iCalendar…</translation>
    </message>
    <message>
        <source>Columns: {lanes} · visits: {visits} · to review: {review}</source>
        <translation>Columnas: {lanes} · citas: {visits} · por revisar: {review}</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>local</source>
        <translation>local</translation>
    </message>
</context>
<context>
    <name>SchedulePanels</name>
    <message>
        <source>Patient called to cancel</source>
        <translation>El paciente llamó para cancelar</translation>
    </message>
    <message>
        <source>Patient is unwell</source>
        <translation>El paciente está enfermo</translation>
    </message>
    <message>
        <source>Transport problem</source>
        <translation>Problema de transporte</translation>
    </message>
    <message>
        <source>Clinic rescheduled</source>
        <translation>La clínica cambió la fecha</translation>
    </message>
    <message>
        <source>Therapist unavailable</source>
        <translation>Fisioterapeuta no disponible</translation>
    </message>
    <message>
        <source>No visit chosen</source>
        <translation>Ninguna cita elegida</translation>
    </message>
    <message>
        <source>Arrow keys choose a visit; the Menu key lists what you can do.</source>
        <translation>Las flechas eligen una cita; la tecla de menú muestra lo que puede hacer.</translation>
    </message>
    <message>
        <source>Chosen visit</source>
        <translation>Cita elegida</translation>
    </message>
    <message>
        <source>With {therapist} at {location}</source>
        <translation>Con {therapist} en {location}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <source>Record no. {record}</source>
        <translation>N.º de expediente {record}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{mark}&lt;/b&gt;: the intake waits for a therapist&apos;s review</source>
        <translation>&lt;b&gt;{mark}&lt;/b&gt;: la admisión espera la revisión de un fisioterapeuta</translation>
    </message>
    <message>
        <source>Mark as a no-show?</source>
        <translation>¿Marcar como no presentado?</translation>
    </message>
    <message>
        <source>Mark as a no-show (Enter)</source>
        <translation>Marcar como no presentado (Intro)</translation>
    </message>
    <message>
        <source>Mark as a no-show</source>
        <translation>Marcar como no presentado</translation>
    </message>
    <message>
        <source>Keep it booked (Esc)</source>
        <translation>Mantener la reserva (Esc)</translation>
    </message>
    <message>
        <source>Keep the visit booked</source>
        <translation>Mantener la cita reservada</translation>
    </message>
    <message>
        <source>Undo no-show (Ctrl+Z) books it again until the end of the day.</source>
        <translation>Deshacer no presentado (Ctrl+Z) la vuelve a reservar hasta el final del día.</translation>
    </message>
    <message>
        <source>The visit&apos;s day is over: this cannot be undone.</source>
        <translation>El día de la cita ya terminó: esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>{patient} did not come to the {time} {zone} {type} with {therapist}? Their time is freed for a walk-in. {undo}</source>
        <translation>¿{patient} no vino a la cita de {type} de las {time} {zone} con {therapist}? Su horario queda libre para un paciente sin cita. {undo}</translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation>Cancelar la cita</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>Motivo de la cancelación</translation>
    </message>
    <message>
        <source>The &amp;patient</source>
        <translation>El &amp;paciente</translation>
    </message>
    <message>
        <source>The patient cancelled</source>
        <translation>El paciente canceló</translation>
    </message>
    <message>
        <source>The &amp;clinic</source>
        <translation>La &amp;clínica</translation>
    </message>
    <message>
        <source>The clinic cancelled</source>
        <translation>La clínica canceló</translation>
    </message>
    <message>
        <source>Cancel the visit (Enter)</source>
        <translation>Cancelar la cita (Intro)</translation>
    </message>
    <message>
        <source>Keep it (Esc)</source>
        <translation>Mantenerla (Esc)</translation>
    </message>
    <message>
        <source>Keep the visit</source>
        <translation>Mantener la cita</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Who cancelled?</source>
        <translation>¿Quién canceló?</translation>
    </message>
    <message>
        <source>{patient}, {time} {zone}, {type}. Choose or type the reason, and say who cancelled: only a patient&apos;s cancellation can count as late.</source>
        <translation>{patient}, {time} {zone}, {type}. Elija o escriba el motivo e indique quién canceló: solo la cancelación del paciente puede contar como tardía.</translation>
    </message>
    <message>
        <source>Who cancelled: the patient (Alt+P) or the clinic (Alt+C)?</source>
        <translation>¿Quién canceló: el paciente (Alt+P) o la clínica (Alt+C)?</translation>
    </message>
    <message>
        <source>Under 24 hours before the visit: marked as a late cancellation.</source>
        <translation>Menos de 24 horas antes de la cita: se marca como cancelación tardía.</translation>
    </message>
    <message>
        <source>Not a late cancellation.</source>
        <translation>No es una cancelación tardía.</translation>
    </message>
    <message>
        <source>Move the visit</source>
        <translation>Mover la cita</translation>
    </message>
    <message>
        <source>Any location</source>
        <translation>Cualquier sede</translation>
    </message>
    <message>
        <source>Search every location</source>
        <translation>Buscar en todas las sedes</translation>
    </message>
    <message>
        <source>Free slots to move the visit to</source>
        <translation>Horarios libres para mover la cita</translation>
    </message>
    <message>
        <source>Move to the chosen slot (Enter)</source>
        <translation>Mover al horario elegido (Intro)</translation>
    </message>
    <message>
        <source>Move to the chosen slot</source>
        <translation>Mover al horario elegido</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <source>Back to the visit</source>
        <translation>Volver a la cita</translation>
    </message>
    <message>
        <source>{patient}, now {day}, {time}.</source>
        <translation>{patient}, ahora {day}, {time}.</translation>
    </message>
    <message>
        <source>{visit} Searching free slots…</source>
        <translation>{visit} Buscando horarios libres…</translation>
    </message>
    <message>
        <source>{visit} 1 free slot: arrows choose, Enter moves the visit.</source>
        <translation>{visit} 1 horario libre: las flechas eligen, Intro mueve la cita.</translation>
    </message>
    <message>
        <source>{visit} {count} free slots: arrows choose, Enter moves the visit.</source>
        <translation>{visit} {count} horarios libres: las flechas eligen, Intro mueve la cita.</translation>
    </message>
    <message>
        <source>No free slot found in the next 14 days.</source>
        <translation>No hay horarios libres en los próximos 14 días.</translation>
    </message>
    <message>
        <source>Waitlist for the freed slot</source>
        <translation>Lista de espera para el horario liberado</translation>
    </message>
    <message>
        <source>Waiting patients who fit the freed slot</source>
        <translation>Pacientes en espera que encajan en el horario liberado</translation>
    </message>
    <message>
        <source>Offer the slot (Enter)</source>
        <translation>Ofrecer el horario (Intro)</translation>
    </message>
    <message>
        <source>Offer the slot to the chosen patient</source>
        <translation>Ofrecer el horario al paciente elegido</translation>
    </message>
    <message>
        <source>Book it (Enter after offering)</source>
        <translation>Reservarlo (Intro tras ofrecerlo)</translation>
    </message>
    <message>
        <source>Book the slot for the chosen patient</source>
        <translation>Reservar el horario para el paciente elegido</translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation>Listo (Esc)</translation>
    </message>
    <message>
        <source>Close the waitlist</source>
        <translation>Cerrar la lista de espera</translation>
    </message>
    <message>
        <source>Freed: {slot}.</source>
        <translation>Liberado: {slot}.</translation>
    </message>
    <message>
        <source>Enter offers the slot to the highlighted patient; Enter again books it.</source>
        <translation>Intro ofrece el horario al paciente resaltado; Intro otra vez lo reserva.</translation>
    </message>
    <message>
        <source>Nobody on the waitlist fits this time.</source>
        <translation>Nadie en la lista de espera encaja en este horario.</translation>
    </message>
    <message>
        <source>review</source>
        <translation>revisión</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>sin alertas</translation>
    </message>
    <message>
        <source>no screening</source>
        <translation>sin evaluación de riesgos</translation>
    </message>
    <message>
        <source>OFFERED, Enter books</source>
        <translation>OFRECIDO, Intro reserva</translation>
    </message>
    <message>
        <source>{number}. {patient} · {triage} · waiting since {date} · {type} at {time}</source>
        <translation>{number}. {patient} · {triage} · en espera desde {date} · {type} a las {time}</translation>
    </message>
</context>
<context>
    <name>ScheduleToolbar</name>
    <message>
        <source>&amp;Day (Alt+D)</source>
        <translation>&amp;Día (Alt+D)</translation>
    </message>
    <message>
        <source>Location day view</source>
        <translation>Vista del día de la sede</translation>
    </message>
    <message>
        <source>&amp;Week (Alt+W)</source>
        <translation>&amp;Semana (Alt+W)</translation>
    </message>
    <message>
        <source>Therapist week view</source>
        <translation>Vista semanal del fisioterapeuta</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>S&amp;ede</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>T&amp;herapist</source>
        <translation>&amp;Fisioterapeuta</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>Fe&amp;cha</translation>
    </message>
    <message>
        <source>Previous day (Alt+Left)</source>
        <translation>Día anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Today (Alt+Home)</source>
        <translation>Hoy (Alt+Inicio)</translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation>Día siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualizar (F5)</translation>
    </message>
    <message>
        <source>Print / export</source>
        <translation>Imprimir / exportar</translation>
    </message>
    <message>
        <source>Print or export</source>
        <translation>Imprimir o exportar</translation>
    </message>
</context>
<context>
    <name>ScheduleWaitlist</name>
    <message>
        <source>{day}, {time} {zone} with {therapist}</source>
        <translation>{day}, {time} {zone} con {therapist}</translation>
    </message>
    <message>
        <source>Cancelled (late cancellation). Waiting patients who fit the slot: {count}.</source>
        <translation>Cancelada (cancelación tardía). Pacientes en espera que encajan en el horario: {count}.</translation>
    </message>
    <message>
        <source>Cancelled. Waiting patients who fit the slot: {count}.</source>
        <translation>Cancelada. Pacientes en espera que encajan en el horario: {count}.</translation>
    </message>
    <message>
        <source>offer the slot</source>
        <translation>ofrecer el horario</translation>
    </message>
    <message>
        <source>Offered to {patient}. Enter books it if they accept.</source>
        <translation>Ofrecido a {patient}. Intro lo reserva si acepta.</translation>
    </message>
    <message>
        <source>book {patient}</source>
        <translation>reservar para {patient}</translation>
    </message>
    <message>
        <source>Not booked: {message} The slot is no longer free.</source>
        <translation>No se reservó: {message} El horario ya no está libre.</translation>
    </message>
    <message>
        <source>Booked {patient} into the freed slot.</source>
        <translation>Se reservó el horario liberado para {patient}.</translation>
    </message>
</context>
<context>
    <name>SecondEvaluation</name>
    <message>
        <source>Initial evaluation already booked</source>
        <translation>Evaluación inicial ya reservada</translation>
    </message>
    <message>
        <source>This patient already has an initial evaluation booked: {visit}, with {therapist}.</source>
        <translation>Este paciente ya tiene una evaluación inicial reservada: {visit}, con {therapist}.</translation>
    </message>
    <message>
        <source>Book another initial evaluation?</source>
        <translation>¿Reservar otra evaluación inicial?</translation>
    </message>
    <message>
        <source>&amp;Yes, book another</source>
        <translation>&amp;Sí, reservar otra</translation>
    </message>
    <message>
        <source>&amp;No, keep the one booked</source>
        <translation>&amp;No, mantener la reservada</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Create the first admin</source>
        <translation>Crear el primer administrador</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Welcome to Clinic Intake</source>
        <translation>Le damos la bienvenida a Clinic Intake</translation>
    </message>
    <message>
        <source>Sign in to Clinic Intake</source>
        <translation>Iniciar sesión en Clinic Intake</translation>
    </message>
    <message>
        <source>This practice has no accounts yet. Create the first admin; that person then adds everyone else under Admin → Accounts.</source>
        <translation>Esta clínica aún no tiene cuentas. Cree el primer administrador; esa persona agregará después a los demás en Administración → Cuentas.</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Mensaje de inicio de sesión</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Crear e iniciar sesión</translation>
    </message>
    <message>
        <source>Demo practice: every account&apos;s password is “{password}”. Pick one to fill in the form.</source>
        <translation>Clínica de demostración: la contraseña de todas las cuentas es «{password}». Elija una para llenar el formulario.</translation>
    </message>
    <message>
        <source>Use the demo account {name}</source>
        <translation>Usar la cuenta de demostración {name}</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Escriba su nombre de usuario y su contraseña.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Elija su propia contraseña</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Cambiar su contraseña</translation>
    </message>
    <message>
        <source>You signed in with a one-time password. Choose your own to go on: type the one-time password as the current one.</source>
        <translation>Inició sesión con una contraseña de un solo uso. Elija la suya para continuar: escriba la contraseña de un solo uso como contraseña actual.</translation>
    </message>
    <message>
        <source>Password change message</source>
        <translation>Mensaje del cambio de contraseña</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repita la contraseña nueva</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
</context>
<context>
    <name>SlotModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>{day}  ·  {location}  ·  free slots: {count}</source>
        <translation>{day}  ·  {location}  ·  horarios libres: {count}</translation>
    </message>
</context>
<context>
    <name>SlotView</name>
    <message>
        <source>Free slots</source>
        <translation>Horarios libres</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Signed in as</source>
        <translation>Sesión iniciada como</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>No se pudo abrir la base de datos</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Sin base de datos</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Sign in to start</source>
        <translation>Inicie sesión para empezar</translation>
    </message>
    <message>
        <source>Screening unavailable</source>
        <translation>Evaluación de riesgos no disponible</translation>
    </message>
    <message>
        <source>The screening checklist cannot be used, so intakes cannot be screened:</source>
        <translation>No se puede usar la lista de evaluación de riesgos, así que no se pueden evaluar las admisiones:</translation>
    </message>
    <message>
        <source>Choose your own password before working: sign in again to do it.</source>
        <translation>Elija su propia contraseña antes de trabajar: vuelva a iniciar sesión para hacerlo.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>This intake is: {state}. A therapist opens it.</source>
        <translation>Esta admisión está: {state}. La abre un fisioterapeuta.</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Cambiar contraseña…</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Lock the screen now</source>
        <translation>Bloquear la pantalla ahora</translation>
    </message>
    <message>
        <source>Patient data open to other accounts on this computer</source>
        <translation>Datos de pacientes accesibles a otras cuentas de esta computadora</translation>
    </message>
    <message>
        <source>Patient files not private: tell IT</source>
        <translation>Archivos de pacientes no privados: avise a informática</translation>
    </message>
    <message>
        <source>The screening checklist cannot be used, so no intake can be screened until it is fixed:</source>
        <translation>No se puede usar la lista de evaluación de riesgos, así que no se puede evaluar ninguna admisión hasta que se corrija:</translation>
    </message>
    <message>
        <source>Ask the clinical lead to correct the file.</source>
        <translation>Pida al responsable clínico que corrija el archivo.</translation>
    </message>
</context>
<context>
    <name>VisitActions</name>
    <message>
        <source>Checked in</source>
        <translation>Llegada registrada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Only a booked visit can be a no-show; this one is {status}.</source>
        <translation>Solo una cita reservada puede marcarse como no presentada; esta está {status}.</translation>
    </message>
    <message>
        <source>Undo no-show (Ctrl+Z) books it again today, while its time is free.</source>
        <translation>Deshacer no presentado (Ctrl+Z) la vuelve a reservar hoy, mientras su horario esté libre.</translation>
    </message>
    <message>
        <source>Marked as a no-show</source>
        <translation>Marcada como no presentada</translation>
    </message>
    <message>
        <source>Only a no-show can be undone; this visit is {status}.</source>
        <translation>Solo se puede deshacer un no presentado; esta cita está {status}.</translation>
    </message>
    <message>
        <source>No-show undone, booked again</source>
        <translation>No presentado deshecho, reservada de nuevo</translation>
    </message>
    <message>
        <source>{done}: {patient}.</source>
        <translation>{done}: {patient}.</translation>
    </message>
    <message>
        <source>change {patient}&apos;s visit</source>
        <translation>cambiar la cita de {patient}</translation>
    </message>
    <message>
        <source>A visit that is {status} cannot be cancelled.</source>
        <translation>Una cita que está {status} no se puede cancelar.</translation>
    </message>
    <message>
        <source>Say why the visit is cancelled (type a reason), then Enter.</source>
        <translation>Indique por qué se cancela la cita (escriba un motivo) y pulse Intro.</translation>
    </message>
    <message>
        <source>Say who cancelled: the patient (Alt+P) or the clinic (Alt+C).</source>
        <translation>Indique quién canceló: el paciente (Alt+P) o la clínica (Alt+C).</translation>
    </message>
    <message>
        <source>cancel {patient}&apos;s visit</source>
        <translation>cancelar la cita de {patient}</translation>
    </message>
    <message>
        <source>Only a booked visit can be moved.</source>
        <translation>Solo se puede mover una cita reservada.</translation>
    </message>
    <message>
        <source>search free slots</source>
        <translation>buscar horarios libres</translation>
    </message>
    <message>
        <source>That time is closed or outside the therapist&apos;s hours.</source>
        <translation>Ese horario está cerrado o fuera del horario del fisioterapeuta.</translation>
    </message>
    <message>
        <source>Not moved: {problem} The visit stays where it was.</source>
        <translation>No se movió: {problem} La cita se queda donde estaba.</translation>
    </message>
    <message>
        <source>Moving {patient}&apos;s visit…</source>
        <translation>Moviendo la cita de {patient}…</translation>
    </message>
    <message>
        <source>move {patient}&apos;s visit</source>
        <translation>mover la cita de {patient}</translation>
    </message>
    <message>
        <source>Not moved: {message} The visit stays at its old time.</source>
        <translation>No se movió: {message} La cita se queda en su horario anterior.</translation>
    </message>
    <message>
        <source>Nearest free slots instead; Enter moves the visit.</source>
        <translation>Horarios libres más cercanos; Intro mueve la cita.</translation>
    </message>
    <message>
        <source>Moved {patient} to {day}, {time} {zone} with {therapist} at {location}.</source>
        <translation>Cita de {patient} movida al {day}, {time} {zone} con {therapist} en {location}.</translation>
    </message>
    <message>
        <source>(another day or place)</source>
        <translation>(otro día u otra sede)</translation>
    </message>
    <message>
        <source>Choose a visit first (arrow keys or a click).</source>
        <translation>Primero elija una cita (flechas o un clic).</translation>
    </message>
    <message>
        <source>Visit actions</source>
        <translation>Acciones de la cita</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>reservada</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>con llegada registrada</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>marked as a no-show</source>
        <translation>marcada como no presentada</translation>
    </message>
</context>
<context>
    <name>Waitlist</name>
    <message>
        <source>Change the waitlist entry</source>
        <translation>Cambiar la entrada de la lista de espera</translation>
    </message>
    <message>
        <source>Add to the waitlist</source>
        <translation>Agregar a la lista de espera</translation>
    </message>
    <message>
        <source>Change what they wait for</source>
        <translation>Cambiar lo que espera</translation>
    </message>
    <message>
        <source>Add to the waitlist — no suitable slot</source>
        <translation>Agregar a la lista de espera — no hay horario adecuado</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Urgency: looking up the screening…</source>
        <translation>Urgencia: consultando la evaluación de riesgos…</translation>
    </message>
    <message>
        <source>Urgency from the screening</source>
        <translation>Urgencia según la evaluación de riesgos</translation>
    </message>
    <message>
        <source>Locations (none ticked means any)</source>
        <translation>Sedes (ninguna marcada significa cualquiera)</translation>
    </message>
    <message>
        <source>Time of day: {part}</source>
        <translation>Momento del día: {part}</translation>
    </message>
    <message>
        <source>Therapist preference</source>
        <translation>Fisioterapeuta preferido</translation>
    </message>
    <message>
        <source>Any therapist</source>
        <translation>Cualquier fisioterapeuta</translation>
    </message>
    <message>
        <source>Not &amp;before</source>
        <translation>No &amp;antes del</translation>
    </message>
    <message>
        <source>Only from a date on</source>
        <translation>Solo a partir de una fecha</translation>
    </message>
    <message>
        <source>Earliest date</source>
        <translation>Fecha más temprana</translation>
    </message>
    <message>
        <source>MM/dd/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>Note for the desk</source>
        <translation>Nota para recepción</translation>
    </message>
    <message>
        <source>e.g. can leave work at short notice; call the mobile</source>
        <translation>p. ej., puede salir del trabajo con poco aviso; llamar al celular</translation>
    </message>
    <message>
        <source>Waitlist form status</source>
        <translation>Estado del formulario de la lista de espera</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <source>&amp;Add to waitlist</source>
        <translation>A&amp;gregar a la lista</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Add to waitlist</source>
        <translation>Agregar a la lista de espera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <source>Keep the note under {limit} characters.</source>
        <translation>La nota debe tener menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Check the marked fields; nothing you typed is lost.</source>
        <translation>Revise los campos marcados; no se perdió nada de lo que escribió.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>No se guardó: {why}</translation>
    </message>
    <message>
        <source>{name} (record no. {number})</source>
        <translation>{name} (expediente n.º {number})</translation>
    </message>
    <message>
        <source>Urgency: {urgency}</source>
        <translation>Urgencia: {urgency}</translation>
    </message>
    <message>
        <source>Nothing ticked means any location, day, time or therapist. Ctrl+Enter saves.</source>
        <translation>Sin marcar significa cualquier sede, día, hora o fisioterapeuta. Ctrl+Intro guarda.</translation>
    </message>
    <message>
        <source>Cannot add to the waitlist: {why}</source>
        <translation>No se puede agregar a la lista de espera: {why}</translation>
    </message>
    <message>
        <source>&amp;Locations</source>
        <translation>Se&amp;des</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>Días de la semana</translation>
    </message>
    <message>
        <source>Times of day</source>
        <translation>Momentos del día</translation>
    </message>
    <message>
        <source>&amp;Therapist</source>
        <translation>&amp;Fisioterapeuta</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <source>OFFERED a slot</source>
        <translation>Se le OFRECIÓ un horario</translation>
    </message>
    <message>
        <source>waiting since {day}</source>
        <translation>en espera desde el {day}</translation>
    </message>
    <message>
        <source>not before {day}</source>
        <translation>no antes del {day}</translation>
    </message>
    <message>
        <source>{number}. {name} · no. {record} · {urgency}</source>
        <translation>{number}. {name} · n.º {record} · {urgency}</translation>
    </message>
    <message>
        <source>Booked elsewhere</source>
        <translation>Tiene cita en otro lugar</translation>
    </message>
    <message>
        <source>No longer needs a visit</source>
        <translation>Ya no necesita la cita</translation>
    </message>
    <message>
        <source>Could not be reached</source>
        <translation>No se le pudo contactar</translation>
    </message>
    <message>
        <source>Asked to come off the list</source>
        <translation>Pidió salir de la lista</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Waitlist status</source>
        <translation>Estado de la lista de espera</translation>
    </message>
    <message>
        <source>Waiting patients, most urgent first</source>
        <translation>Pacientes en espera, primero los más urgentes</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Change the chosen entry</source>
        <translation>Cambiar la entrada elegida</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Remove the chosen entry from the waitlist</source>
        <translation>Quitar la entrada elegida de la lista de espera</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Close the waitlist</source>
        <translation>Cerrar la lista de espera</translation>
    </message>
    <message>
        <source>Why the patient leaves the waitlist</source>
        <translation>Por qué el paciente sale de la lista de espera</translation>
    </message>
    <message>
        <source>Remove from the waitlist</source>
        <translation>Quitar de la lista de espera</translation>
    </message>
    <message>
        <source>Keep on the list</source>
        <translation>Mantener en la lista</translation>
    </message>
    <message>
        <source>Keep on the waitlist</source>
        <translation>Mantener en la lista de espera</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>load the waitlist</source>
        <translation>cargar la lista de espera</translation>
    </message>
    <message>
        <source>Saved the changes</source>
        <translation>Cambios guardados</translation>
    </message>
    <message>
        <source>Take {name} (no. {number}) off the waitlist? Say why; the reason stays with the entry.</source>
        <translation>¿Quitar a {name} (n.º {number}) de la lista de espera? Indique el motivo; queda registrado con la entrada.</translation>
    </message>
    <message>
        <source>Say why the patient leaves the waitlist.</source>
        <translation>Indique por qué el paciente sale de la lista de espera.</translation>
    </message>
    <message>
        <source>remove {name}</source>
        <translation>quitar a {name}</translation>
    </message>
    <message>
        <source>Waitlist · waiting: {count}</source>
        <translation>Lista de espera · en espera: {count}</translation>
    </message>
    <message>
        <source>Most urgent first. Enter changes the entry, Del removes it.</source>
        <translation>Primero los más urgentes. Intro cambia la entrada, Supr la quita.</translation>
    </message>
    <message>
        <source>Nobody is on the waitlist.</source>
        <translation>No hay nadie en la lista de espera.</translation>
    </message>
    <message>
        <source>Removed {name} from the waitlist ({reason}).</source>
        <translation>Se quitó a {name} de la lista de espera ({reason}).</translation>
    </message>
    <message>
        <source>Could not {what}: {why}</source>
        <translation>No se pudo {what}: {why}</translation>
    </message>
    <message>
        <source>Morning (before 12:00)</source>
        <translation>Mañana (antes de las 12:00)</translation>
    </message>
    <message>
        <source>Afternoon (12:00–17:00)</source>
        <translation>Tarde (12:00–17:00)</translation>
    </message>
    <message>
        <source>Evening (from 17:00)</source>
        <translation>Noche (desde las 17:00)</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>tarde</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>noche</translation>
    </message>
    <message>
        <source>mornings</source>
        <translation>mañanas</translation>
    </message>
    <message>
        <source>afternoons</source>
        <translation>tardes</translation>
    </message>
    <message>
        <source>evenings</source>
        <translation>noches</translation>
    </message>
    <message>
        <source>⚑ Review first</source>
        <translation>⚑ Revisar primero</translation>
    </message>
    <message>
        <source>a therapist reviews the intake before the visit</source>
        <translation>un fisioterapeuta revisa la admisión antes de la cita</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>De rutina</translation>
    </message>
    <message>
        <source>the screening is clear</source>
        <translation>la evaluación de riesgos no muestra alertas</translation>
    </message>
    <message>
        <source>No screening</source>
        <translation>Sin evaluación de riesgos</translation>
    </message>
    <message>
        <source>waits behind screened patients</source>
        <translation>espera detrás de los pacientes evaluados</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>cualquier día</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>cualquier hora</translation>
    </message>
    <message>
        <source>a closed location</source>
        <translation>una sede cerrada</translation>
    </message>
    <message>
        <source>any location</source>
        <translation>cualquier sede</translation>
    </message>
    <message>
        <source>a former therapist</source>
        <translation>un fisioterapeuta anterior</translation>
    </message>
    <message>
        <source>any therapist</source>
        <translation>cualquier fisioterapeuta</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Something went wrong inside the program. Nothing was saved by this action; the details are in the log file for your IT person.</source>
        <translation>Algo falló dentro del programa. Esta acción no guardó nada; los detalles están en el archivo de registro para su persona de informática.</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Questions were asked in {language}.</source>
        <translation>Las preguntas se hicieron en {language}.</translation>
    </message>
</context>
</TS>

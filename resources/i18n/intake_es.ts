<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en_US">
<context>
    <name>About</name>
    <message>
        <source>Clinic Intake {version} (schema revision {revision})</source>
        <translation>Clinic Intake {version} (revisión del esquema {revision})</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>After five wrong tries an account is locked for 15 minutes; an admin can unlock it or reset the password.</source>
        <translation>Después de cinco intentos incorrectos, la cuenta se bloquea durante 15 minutos; un administrador puede desbloquearla o restablecer la contraseña.</translation>
    </message>
    <message>
        <source>Sign-in failed. Check the user name and password and try again. {rule}</source>
        <translation>No se pudo iniciar sesión. Revise el nombre de usuario y la contraseña e inténtelo de nuevo. {rule}</translation>
    </message>
    <message>
        <source>That is not your current password. {rule}</source>
        <translation>Esa no es su contraseña actual. {rule}</translation>
    </message>
    <message>
        <source>That password was not accepted. Type it again. {rule}</source>
        <translation>No se aceptó esa contraseña. Escríbala de nuevo. {rule}</translation>
    </message>
    <message>
        <source>Your account was switched off. Ask an admin for help.</source>
        <translation>Su cuenta fue desactivada. Pida ayuda a un administrador.</translation>
    </message>
    <message>
        <source>This account is locked until {until:%H:%M} after five wrong passwords. Try again then, or ask an admin to unlock it now.</source>
        <translation>Esta cuenta está bloqueada hasta las {until:%H:%M} tras cinco contraseñas incorrectas. Inténtelo de nuevo a esa hora o pida a un administrador que la desbloquee ahora.</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <source>A user name is 2 to 40 lower-case letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit.</source>
        <translation>Un nombre de usuario tiene de 2 a 40 letras minúsculas, dígitos, &apos;.&apos;, &apos;-&apos; o &apos;_&apos;, y empieza con una letra o un dígito.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name as colleagues should see it.</source>
        <translation>Escriba el nombre de la persona tal como deben verlo sus compañeros.</translation>
    </message>
    <message>
        <source>The name is too long (at most {count} characters).</source>
        <translation>El nombre es demasiado largo (como máximo {count} caracteres).</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters.</source>
        <translation>Una contraseña necesita al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>The password is too long (at most {count} characters).</source>
        <translation>La contraseña es demasiado larga (como máximo {count} caracteres).</translation>
    </message>
    <message>
        <source>A password may not start or end with a space.</source>
        <translation>Una contraseña no puede empezar ni terminar con un espacio.</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>Elija una contraseña distinta de la actual.</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>Esta cuenta</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Su cuenta</translation>
    </message>
    <message>
        <source>Account {username}</source>
        <translation>La cuenta {username}</translation>
    </message>
    <message>
        <source>Your role was changed while you were signed in. Sign in again to go on.</source>
        <translation>Su función cambió mientras tenía la sesión iniciada. Inicie sesión de nuevo para continuar.</translation>
    </message>
    <message>
        <source>This practice already has accounts; sign in instead.</source>
        <translation>Esta clínica ya tiene cuentas; inicie sesión.</translation>
    </message>
    <message>
        <source>Only a signed-in person can change their password.</source>
        <translation>Solo una persona con la sesión iniciada puede cambiar su contraseña.</translation>
    </message>
    <message>
        <source>There is no account number {number}.</source>
        <translation>No existe la cuenta número {number}.</translation>
    </message>
    <message>
        <source>The user name &apos;{name}&apos; is already taken.</source>
        <translation>El nombre de usuario &apos;{name}&apos; ya está en uso.</translation>
    </message>
    <message>
        <source>This is the last active admin; make another admin first.</source>
        <translation>Este es el último administrador activo; primero nombre a otro administrador.</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nueva cuenta</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Puede iniciar sesión</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Contraseña inicial</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloqueo</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>Guardar cuenta</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source> (switched off)</source>
        <translation> (desactivada)</translation>
    </message>
    <message>
        <source> (locked)</source>
        <translation> (bloqueada)</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Bloqueada hasta las {time}</translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation>No bloqueada</translation>
    </message>
    <message>
        <source>Account {name} saved.</source>
        <translation>Cuenta {name} guardada.</translation>
    </message>
</context>
<context>
    <name>Actor</name>
    <message>
        <source>Who is acting was not given by a sign-in; sign in again to go on.</source>
        <translation>No se sabe por un inicio de sesión quién realiza esta acción; inicie sesión de nuevo para continuar.</translation>
    </message>
    <message>
        <source>front desk</source>
        <translation>recepción</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>fisioterapeuta</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>tablet</source>
        <translation>tableta</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>pacientes</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>admisión</translation>
    </message>
    <message>
        <source>booking</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>agenda</translation>
    </message>
    <message>
        <source>review</source>
        <translation>revisión</translation>
    </message>
    <message>
        <source>practice admin</source>
        <translation>administración de la clínica</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>cuentas</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>auditoría</translation>
    </message>
    <message>
        <source>merge patients</source>
        <translation>fusionar pacientes</translation>
    </message>
    <message>
        <source>self intake</source>
        <translation>admisión por el propio paciente</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this ({permission}).</source>
        <translation>Su función ({role}) no le permite hacer esto ({permission}).</translation>
    </message>
</context>
<context>
    <name>AdminForms</name>
    <message>
        <source>Problem with {field}</source>
        <translation>Problema con {field}</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Locations</source>
        <translation>Sedes</translation>
    </message>
    <message>
        <source>Therapists &amp;&amp; schedules</source>
        <translation>Fisioterapeutas &amp;&amp; horarios</translation>
    </message>
    <message>
        <source>Appointment types</source>
        <translation>Tipos de cita</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Merges</source>
        <translation>Fusiones</translation>
    </message>
    <message>
        <source>FHIR export</source>
        <translation>Exportación FHIR</translation>
    </message>
    <message>
        <source>Admin sections</source>
        <translation>Secciones de administración</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved: see the marked fields.</source>
        <translation>No se guardó: revise los campos marcados.</translation>
    </message>
</context>
<context>
    <name>AppointmentTypesTab</name>
    <message>
        <source>Appointment types</source>
        <translation>Tipos de cita</translation>
    </message>
    <message>
        <source>New appointment type</source>
        <translation>Nuevo tipo de cita</translation>
    </message>
    <message>
        <source>Appointment type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Buffer after</source>
        <translation>Margen después</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Evaluación de riesgos</translation>
    </message>
    <message>
        <source>Booked only from a screened intake</source>
        <translation>Solo se reserva desde una admisión evaluada</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>Offered for booking</source>
        <translation>Disponible para reservar</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Save appointment type</source>
        <translation>Guardar tipo de cita</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>{code} — {name} ({minutes} min)</source>
        <translation>{code} — {name} ({minutes} min)</translation>
    </message>
    <message>
        <source> (not offered)</source>
        <translation> (no disponible)</translation>
    </message>
    <message>
        <source>Appointment type {code} saved.</source>
        <translation>Tipo de cita {code} guardado.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Patient record no.</source>
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquier persona</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <source>record number</source>
        <translation>número de expediente</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>Desde el día</translation>
    </message>
    <message>
        <source>To day (inclusive)</source>
        <translation>Hasta el día (incluido)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Eventos de auditoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>{count} events (the newest shown; narrow the filters to see older ones).</source>
        <translation>{count} eventos (se muestran los más recientes; acote los filtros para ver los anteriores).</translation>
    </message>
    <message>
        <source>{count} events.</source>
        <translation>{count} eventos.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Exported {count} events.</source>
        <translation>Se exportaron {count} eventos.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>The end of the date range must be after its start.</source>
        <translation>El final del intervalo de fechas debe ser posterior a su inicio.</translation>
    </message>
    <message>
        <source>Give the time with its time zone.</source>
        <translation>Indique la hora con su zona horaria.</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Signed in</source>
        <translation>Inició sesión</translation>
    </message>
    <message>
        <source>Sign-in refused: wrong password or unknown name</source>
        <translation>Inicio de sesión rechazado: contraseña incorrecta o nombre desconocido</translation>
    </message>
    <message>
        <source>Sign-in refused: account locked</source>
        <translation>Inicio de sesión rechazado: cuenta bloqueada</translation>
    </message>
    <message>
        <source>Sign-in refused: account switched off</source>
        <translation>Inicio de sesión rechazado: cuenta desactivada</translation>
    </message>
    <message>
        <source>Password change refused: wrong current password</source>
        <translation>Cambio de contraseña rechazado: contraseña actual incorrecta</translation>
    </message>
    <message>
        <source>Password change refused: account locked</source>
        <translation>Cambio de contraseña rechazado: cuenta bloqueada</translation>
    </message>
    <message>
        <source>Password reset by an admin</source>
        <translation>Contraseña restablecida por un administrador</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creó</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificó</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminó</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abrió</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Buscó</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportó</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importó</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Movida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>Marcada como inasistencia</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Desbloqueada</translation>
    </message>
    <message>
        <source>Course booked</source>
        <translation>Serie de citas reservada</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Registró su llegada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>No-show undone</source>
        <translation>Inasistencia anulada</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviada</translation>
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
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Returned to the front desk</source>
        <translation>Devuelta a la recepción</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Atendida</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionado</translation>
    </message>
    <message>
        <source>Merged into another record</source>
        <translation>Fusionado en otro expediente</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>Fusión deshecha</translation>
    </message>
    <message>
        <source>Identified at the tablet</source>
        <translation>Identificado en la tableta</translation>
    </message>
    <message>
        <source>Not identified at the tablet</source>
        <translation>No identificado en la tableta</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <source>Course of visits</source>
        <translation>Serie de citas</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Horario semanal</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>Desk alert</source>
        <translation>Alerta de recepción</translation>
    </message>
    <message>
        <source>FHIR data</source>
        <translation>Datos FHIR</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Terapeuta</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Ausencia</translation>
    </message>
</context>
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
    <name>BackupFile</name>
    <message>
        <source>The backup passphrase must have at least {count} characters; a longer phrase of several words is better. Nothing was changed.</source>
        <translation>La frase de contraseña de las copias de seguridad debe tener al menos {count} caracteres; es mejor una frase más larga de varias palabras. No se cambió nada.</translation>
    </message>
    <message>
        <source>The backup passphrase is wrong: it does not open this backup&apos;s key. Nothing was changed.</source>
        <translation>La frase de contraseña de las copias de seguridad es incorrecta: no abre la clave de esta copia. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is not a Clinic Intake backup (it does not start like one). Nothing was changed.</source>
        <translation>{name} no es una copia de seguridad de Clinic Intake (no empieza como una). No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of Clinic Intake (backup format {version}); install that version to restore it. Nothing was changed.</source>
        <translation>{name} fue escrita por una versión más reciente de Clinic Intake (formato de copia {version}); instale esa versión para restaurarla. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is damaged (its header is invalid).</source>
        <translation>{name} está dañada (su encabezado no es válido).</translation>
    </message>
    <message>
        <source>{name} is damaged (its header cannot be read: {problem}).</source>
        <translation>{name} está dañada (no se puede leer su encabezado: {problem}).</translation>
    </message>
    <message>
        <source>{name} is incomplete: it ends before the backup does (cut short while copying, or the backup was interrupted). Use another backup file. Nothing was changed.</source>
        <translation>{name} está incompleta: termina antes que la copia de seguridad (se cortó al copiarla o la copia se interrumpió). Use otro archivo de copia de seguridad. No se cambió nada.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {problem}.</source>
        <translation>No se puede leer {name}: {problem}.</translation>
    </message>
    <message>
        <source>{name} is damaged (its key is invalid).</source>
        <translation>{name} está dañada (su clave no es válida).</translation>
    </message>
    <message>
        <source>{name} is damaged (it holds no backup data).</source>
        <translation>{name} está dañada (no contiene datos de copia de seguridad).</translation>
    </message>
    <message>
        <source>{name} is damaged (its description is unreadable).</source>
        <translation>{name} está dañada (no se puede leer su descripción).</translation>
    </message>
    <message>
        <source>{name} is damaged (a block has an impossible size).</source>
        <translation>{name} está dañada (un bloque tiene un tamaño imposible).</translation>
    </message>
    <message>
        <source>{name} is damaged (data after its end).</source>
        <translation>{name} está dañada (hay datos después de su final).</translation>
    </message>
    <message>
        <source>{name} is damaged or was altered (block {index} fails its check). Use another backup file. Nothing was changed.</source>
        <translation>{name} está dañada o fue alterada (el bloque {index} no pasa su comprobación). Use otro archivo de copia de seguridad. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is damaged (its data cannot be unpacked).</source>
        <translation>{name} está dañada (no se pueden descomprimir sus datos).</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backups off: no passphrase set</source>
        <translation>Copias de seguridad desactivadas: no hay frase de contraseña</translation>
    </message>
    <message>
        <source>No backup is made until an admin sets the backup passphrase once (intake db backup-passphrase). It is needed to restore.</source>
        <translation>No se hace ninguna copia de seguridad hasta que un administrador establezca una vez la frase de contraseña de las copias (intake db backup-passphrase). Se necesita para restaurar.</translation>
    </message>
    <message>
        <source>Backup folder missing</source>
        <translation>Falta la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>{folder} cannot be reached: is the USB stick or network share connected?</source>
        <translation>No se puede acceder a {folder}: ¿está conectada la memoria USB o la carpeta de red?</translation>
    </message>
    <message>
        <source>Last backup failed</source>
        <translation>Falló la última copia de seguridad</translation>
    </message>
    <message>
        <source>Backups go to {folder}.</source>
        <translation>Las copias de seguridad se guardan en {folder}.</translation>
    </message>
    <message>
        <source>No backup made yet</source>
        <translation>Todavía no hay ninguna copia de seguridad</translation>
    </message>
    <message>
        <source>Last backup {when}: over a day ago</source>
        <translation>Última copia de seguridad: {when} (hace más de un día)</translation>
    </message>
    <message>
        <source>Last backup {when}</source>
        <translation>Última copia de seguridad: {when}</translation>
    </message>
    <message>
        <source>today {time:%H:%M}</source>
        <translation>hoy {time:%H:%M}</translation>
    </message>
    <message>
        <source>yesterday {time:%H:%M}</source>
        <translation>ayer {time:%H:%M}</translation>
    </message>
    <message>
        <source>The database has no schema revision; nothing to back up.</source>
        <translation>La base de datos no tiene revisión de esquema; no hay nada que copiar.</translation>
    </message>
    <message>
        <source>The backup key file {path} cannot be read ({problem}). Set the backup passphrase again with `intake db backup-passphrase --replace`.</source>
        <translation>No se puede leer el archivo de clave de las copias de seguridad {path} ({problem}). Establezca de nuevo la frase de contraseña con `intake db backup-passphrase --replace`.</translation>
    </message>
    <message>
        <source>A backup passphrase is already set ({path}). To set a new one, add --replace: backups made before keep needing the passphrase they were made with.</source>
        <translation>Ya hay una frase de contraseña para las copias de seguridad ({path}). Para establecer una nueva, añada --replace: las copias hechas antes seguirán necesitando la frase con la que se hicieron.</translation>
    </message>
    <message>
        <source>No backup passphrase is set, so backups cannot be encrypted. An admin sets it once with `intake db backup-passphrase`; it is needed to restore.</source>
        <translation>No hay frase de contraseña para las copias de seguridad, así que no se pueden cifrar. Un administrador la establece una vez con `intake db backup-passphrase`; se necesita para restaurar.</translation>
    </message>
    <message>
        <source>The backup folder {folder} does not exist or is not reachable (is the USB stick or network share connected?). No backup was made.</source>
        <translation>La carpeta de copias de seguridad {folder} no existe o no se puede alcanzar (¿está conectada la memoria USB o la carpeta de red?). No se hizo ninguna copia.</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {problem}. No backup was made.</source>
        <translation>No se pudo escribir la copia de seguridad en {folder}: {problem}. No se hizo ninguna copia.</translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up.</source>
        <translation>No se puede hacer una copia de seguridad de una base de datos en memoria.</translation>
    </message>
    <message>
        <source>The database folder {folder} cannot be used ({problem}). No backup was made.</source>
        <translation>No se puede usar la carpeta de la base de datos {folder} ({problem}). No se hizo ninguna copia.</translation>
    </message>
    <message>
        <source>SQLite could not copy the database: {problem}.</source>
        <translation>SQLite no pudo copiar la base de datos: {problem}.</translation>
    </message>
    <message>
        <source>The database copy fails SQLite&apos;s integrity check: {problems}</source>
        <translation>La copia de la base de datos no pasa la comprobación de integridad de SQLite: {problems}</translation>
    </message>
    <message>
        <source>The database copy cannot be read by SQLite: {problem}.</source>
        <translation>SQLite no puede leer la copia de la base de datos: {problem}.</translation>
    </message>
    <message>
        <source>`{name}` was not found. Install the PostgreSQL client tools of the server&apos;s major version (Debian/Ubuntu: `apt install postgresql-client`; Windows: the PostgreSQL installer&apos;s &apos;Command Line Tools&apos;) and put them on PATH.</source>
        <translation>No se encontró `{name}`. Instale las herramientas de cliente de PostgreSQL de la versión principal del servidor (Debian/Ubuntu: `apt install postgresql-client`; Windows: las &apos;Command Line Tools&apos; del instalador de PostgreSQL) y agréguelas al PATH.</translation>
    </message>
    <message>
        <source>{what} took longer than {hours} hours.</source>
        <translation>{what} tardó más de {hours} horas.</translation>
    </message>
    <message>
        <source>{what} failed: {detail}</source>
        <translation>{what} falló: {detail}</translation>
    </message>
    <message>
        <source>{name} holds schema revision {revision}, newer than this program knows. Install the version of Clinic Intake that made it. Nothing was changed.</source>
        <translation>{name} tiene la revisión de esquema {revision}, más reciente que las que conoce este programa. Instale la versión de Clinic Intake que la hizo. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is a backup of a {backend} database; this program is set to use {ours}. Point INTAKE_DATABASE_URL at a {backend} database. Nothing was changed.</source>
        <translation>{name} es una copia de seguridad de una base de datos {backend}; este programa está configurado para usar {ours}. Haga que INTAKE_DATABASE_URL apunte a una base de datos {backend}. No se cambió nada.</translation>
    </message>
    <message>
        <source>The database {database} already holds data ({rows} rows of patients, intakes, appointments, staff and locations). To replace it with the backup, run again with --replace-data; the data replaced is kept aside. Nothing was changed.</source>
        <translation>La base de datos {database} ya contiene datos ({rows} filas de pacientes, admisiones, citas, personal y sedes). Para reemplazarla con la copia de seguridad, vuelva a ejecutar con --replace-data; los datos reemplazados se guardan aparte. No se cambió nada.</translation>
    </message>
    <message>
        <source>The backup&apos;s database does not match its description.</source>
        <translation>La base de datos de la copia de seguridad no coincide con su descripción.</translation>
    </message>
    <message>
        <source>SQLite could not write the restored database: {problem}. The previous data is kept at {kept}.</source>
        <translation>SQLite no pudo escribir la base de datos restaurada: {problem}. Los datos anteriores se guardan en {kept}.</translation>
    </message>
    <message>
        <source>SQLite could not write the restored database: {problem}.</source>
        <translation>SQLite no pudo escribir la base de datos restaurada: {problem}.</translation>
    </message>
    <message>
        <source>Reading the dump</source>
        <translation>La lectura del volcado</translation>
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
    <name>Booking</name>
    <message>
        <source>The patient already has an initial evaluation booked: {start:%a %d %b %Y %H:%M} at {location}. Book another only if one is really needed.</source>
        <translation>El paciente ya tiene una evaluación inicial programada: {start:%a %d %b %Y %H:%M} en {location}. Programe otra solo si de verdad hace falta.</translation>
    </message>
    <message>
        <source>Only a booked visit can be moved; this one is {status}.</source>
        <translation>Solo se puede cambiar de hora una cita reservada; esta está {status}.</translation>
    </message>
    <message>
        <source>Say why the visit is cancelled.</source>
        <translation>Indique por qué se cancela la cita.</translation>
    </message>
    <message>
        <source>This visit is already {status}; it cannot be cancelled.</source>
        <translation>Esta cita ya está {status}; no se puede cancelar.</translation>
    </message>
    <message>
        <source>A visit that is {status} cannot be checked in.</source>
        <translation>Una cita que está {status} no puede registrarse como llegada.</translation>
    </message>
    <message>
        <source>A visit that is {status} cannot be completed.</source>
        <translation>Una cita que está {status} no puede marcarse como completada.</translation>
    </message>
    <message>
        <source>A visit that is {status} cannot be marked as a no-show.</source>
        <translation>Una cita que está {status} no puede marcarse como no presentada.</translation>
    </message>
    <message>
        <source>Only a no-show can be undone; this visit is {status}.</source>
        <translation>Solo se puede deshacer un no presentado; esta cita está {status}.</translation>
    </message>
    <message>
        <source>The patient has another visit at that time now; the no-show stays. Book a new time instead.</source>
        <translation>El paciente tiene ahora otra cita a esa hora; la cita sigue como no presentada. Programe una nueva hora.</translation>
    </message>
    <message>
        <source>That time has been booked for another visit since; the no-show stays. Book a new time instead.</source>
        <translation>Esa hora se ha reservado desde entonces para otra cita; la cita sigue como no presentada. Programe una nueva hora.</translation>
    </message>
    <message>
        <source>There is no patient with id {number}; they may be merged.</source>
        <translation>No existe ningún paciente con el id {number}; es posible que se haya fusionado con otro expediente.</translation>
    </message>
    <message>
        <source>There is no appointment with id {number}; it may be deleted.</source>
        <translation>No existe ninguna cita con el id {number}; es posible que se haya eliminado.</translation>
    </message>
    <message>
        <source>Someone else changed this visit a moment ago; it is shown again as it is now.</source>
        <translation>Otra persona cambió esta cita hace un momento; se muestra de nuevo tal como está ahora.</translation>
    </message>
    <message>
        <source>{type} is booked from the patient&apos;s screened intake; take the intake first.</source>
        <translation>{type} se programa desde la admisión evaluada del paciente; haga primero la admisión.</translation>
    </message>
    <message>
        <source>There is no intake with id {number}.</source>
        <translation>No existe ninguna admisión con el id {number}.</translation>
    </message>
    <message>
        <source>That intake belongs to another patient.</source>
        <translation>Esa admisión pertenece a otro paciente.</translation>
    </message>
    <message>
        <source>There is no location with id {number}.</source>
        <translation>No existe ninguna sede con el id {number}.</translation>
    </message>
    <message>
        <source>There is no therapist with id {number}.</source>
        <translation>No existe ningún terapeuta con el id {number}.</translation>
    </message>
    <message>
        <source>The start time has no time zone.</source>
        <translation>La hora de inicio no tiene zona horaria.</translation>
    </message>
    <message>
        <source>That time has already passed.</source>
        <translation>Esa hora ya pasó.</translation>
    </message>
    <message>
        <source>{therapist} does not work at {location} at {start:%A %d %B %H:%M} for a {minutes}-minute visit (outside their hours, the opening hours, a closure or time off).</source>
        <translation>{therapist} no trabaja en {location} el {start:%A %d %B %H:%M} para una cita de {minutes} minutos (fuera de su horario o del horario de apertura, un cierre o un permiso).</translation>
    </message>
    <message>
        <source>This patient&apos;s record was merged into another record a moment ago; search for the patient again and book on the record shown.</source>
        <translation>El expediente de este paciente se fusionó con otro hace un momento; busque de nuevo al paciente y programe en el expediente que aparece.</translation>
    </message>
    <message>
        <source>There is no patient with id {number}.</source>
        <translation>No existe ningún paciente con el id {number}.</translation>
    </message>
    <message>
        <source>Someone else changed this visit a moment ago; nothing was saved.</source>
        <translation>Otra persona cambió esta cita hace un momento; no se guardó nada.</translation>
    </message>
    <message>
        <source>The patient already has an appointment at that time.</source>
        <translation>El paciente ya tiene una cita a esa hora.</translation>
    </message>
    <message>
        <source>That time was just taken by another booking.</source>
        <translation>Otra reserva acaba de ocupar esa hora.</translation>
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
    <name>CalendarSetUp</name>
    <message>
        <source>There is no appointment type with the code {code}.</source>
        <translation>No existe ningún tipo de cita con el código {code}.</translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <source>Close as emergency referral</source>
        <translation>Cerrar como derivación de emergencia</translation>
    </message>
    <message>
        <source>Close as referral</source>
        <translation>Cerrar como derivación</translation>
    </message>
    <message>
        <source>Closed as emergency referral</source>
        <translation>Cerrada como derivación de emergencia</translation>
    </message>
    <message>
        <source>Closed as referral</source>
        <translation>Cerrada como derivación</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <source>Say why this draft is discarded (for example: entered twice).</source>
        <translation>Diga por qué se descarta este borrador (por ejemplo: se ingresó dos veces).</translation>
    </message>
    <message>
        <source>The reason is too long (at most {limit} characters).</source>
        <translation>El motivo es demasiado largo (como máximo {limit} caracteres).</translation>
    </message>
</context>
<context>
    <name>ColorField</name>
    <message>
        <source>Colour sample</source>
        <translation>Muestra de color</translation>
    </message>
    <message>
        <source>Colour (# and six hex digits, empty for the default)</source>
        <translation>Color (# y seis dígitos hexadecimales; vacío para el predeterminado)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Choose colour…</source>
        <translation>Elegir color…</translation>
    </message>
    <message>
        <source>Problem with colour</source>
        <translation>Problema con el color</translation>
    </message>
    <message>
        <source>Colour of the appointment type</source>
        <translation>Color del tipo de cita</translation>
    </message>
    <message>
        <source>Default colour</source>
        <translation>Color predeterminado</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <source>Confirm registration</source>
        <translation>Confirmar el registro</translation>
    </message>
    <message>
        <source>Register as a new patient</source>
        <translation>Registrar como paciente nuevo</translation>
    </message>
    <message>
        <source>Register as a new patient anyway</source>
        <translation>Registrar como paciente nuevo de todos modos</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Do not register</source>
        <translation>No registrar</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> y {count} más</translation>
    </message>
    <message>
        <source>⚠ This looks like {name} ({record}){others}, already on file. Is this really a new patient?</source>
        <translation>⚠ Parece ser {name} ({record}){others}, que ya está registrado. ¿Es realmente un paciente nuevo?</translation>
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
    <name>ConflictPanel</name>
    <message>
        <source>Changed on another computer</source>
        <translation>Modificado en otro equipo</translation>
    </message>
    <message>
        <source>Save with these choices</source>
        <translation>Guardar con estas opciones</translation>
    </message>
    <message>
        <source>Back to my typing</source>
        <translation>Volver a lo que escribí</translation>
    </message>
    <message>
        <source>Back to my typing, nothing saved</source>
        <translation>Volver a lo que escribí, sin guardar nada</translation>
    </message>
    <message>
        <source>⚠ Someone saved this record on another computer while you were editing it. Nothing is saved yet and nothing you typed is lost: choose, for each field, which value to keep.</source>
        <translation>⚠ Alguien guardó este expediente en otro equipo mientras usted lo editaba. Todavía no se guardó nada y no se perdió nada de lo que escribió: elija, para cada campo, qué valor conservar.</translation>
    </message>
    <message>
        <source> {count} field changed on both computers.</source>
        <translation> {count} campo cambió en ambos equipos.</translation>
    </message>
    <message>
        <source> {count} fields changed on both computers.</source>
        <translation> {count} campos cambiaron en ambos equipos.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Saved on the other computer</source>
        <translation>Guardado en el otro equipo</translation>
    </message>
    <message>
        <source>Typed here</source>
        <translation>Escrito aquí</translation>
    </message>
    <message>
        <source>Changed on both computers: choose one</source>
        <translation>Cambió en ambos equipos: elija uno</translation>
    </message>
    <message>
        <source>{field}: keep the other computer&apos;s, {value}</source>
        <translation>{field}: conservar el del otro equipo, {value}</translation>
    </message>
    <message>
        <source>{field}: keep yours, {value}</source>
        <translation>{field}: conservar el suyo, {value}</translation>
    </message>
    <message>
        <source>Choose a value for: {fields}.</source>
        <translation>Elija un valor para: {fields}.</translation>
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
    <name>CourseRule</name>
    <message>
        <source>Weekday must be 0 (Monday) to 6 (Sunday), not {weekday}.</source>
        <translation>El día de la semana debe ser de 0 (lunes) a 6 (domingo), no {weekday}.</translation>
    </message>
    <message>
        <source>A visit time is a local wall-clock time and carries no zone.</source>
        <translation>La hora de una cita es una hora local y no lleva zona horaria.</translation>
    </message>
    <message>
        <source>Visits start on the quarter hour, not at {time:%H:%M}.</source>
        <translation>Las citas empiezan en punto, y cuarto, y media o menos cuarto, no a las {time:%H:%M}.</translation>
    </message>
    <message>
        <source>A series needs at least one weekday.</source>
        <translation>Una serie necesita al menos un día de la semana.</translation>
    </message>
    <message>
        <source>A weekday appears twice in the series.</source>
        <translation>Un día de la semana aparece dos veces en la serie.</translation>
    </message>
    <message>
        <source>A series ends after a number of visits or on a date, not both.</source>
        <translation>Una serie termina tras un número de citas o en una fecha, no ambas cosas.</translation>
    </message>
    <message>
        <source>A series has 1 to {most} visits, not {count}.</source>
        <translation>Una serie tiene de 1 a {most} citas, no {count}.</translation>
    </message>
    <message>
        <source>The series ends before it starts.</source>
        <translation>La serie termina antes de empezar.</translation>
    </message>
    <message>
        <source>A series spans at most {weeks} weeks.</source>
        <translation>Una serie abarca como máximo {weeks} semanas.</translation>
    </message>
    <message>
        <source>The preferred time window must end after it starts.</source>
        <translation>El horario preferido debe terminar después de empezar.</translation>
    </message>
</context>
<context>
    <name>Courses</name>
    <message>
        <source>Visits {numbers} of the course were just taken by another booking. Nothing was booked; new times are proposed for just those visits.</source>
        <translation>Otra reserva acaba de ocupar las citas {numbers} de la serie. No se programó nada; se proponen nuevas horas solo para esas citas.</translation>
    </message>
    <message>
        <source>Visit {numbers} was just taken by another booking. Nothing was booked; new times are proposed for just those visits.</source>
        <translation>Otra reserva acaba de ocupar la cita {numbers}. No se programó nada; se proponen nuevas horas solo para esa cita.</translation>
    </message>
    <message>
        <source>That visit is not part of a course.</source>
        <translation>Esa cita no forma parte de una serie.</translation>
    </message>
    <message>
        <source>No visit of this course has a free time; change the days or times, or put the course on the waitlist.</source>
        <translation>Ninguna cita de esta serie tiene una hora libre; cambie los días o las horas, o ponga la serie en la lista de espera.</translation>
    </message>
    <message>
        <source>There is no course with id {number}.</source>
        <translation>No existe ninguna serie con el id {number}.</translation>
    </message>
    <message>
        <source>Say why the rest of the course is cancelled.</source>
        <translation>Indique por qué se cancela el resto de la serie.</translation>
    </message>
    <message>
        <source>This proposal does not move a course.</source>
        <translation>Esta propuesta no cambia una serie de hora.</translation>
    </message>
    <message>
        <source>There is no location with id {number}.</source>
        <translation>No existe ninguna sede con el id {number}.</translation>
    </message>
    <message>
        <source>There is no therapist with id {number}.</source>
        <translation>No existe ningún terapeuta con el id {number}.</translation>
    </message>
    <message>
        <source>{type} is booked once, from the screened intake; a course is of visits that follow it.</source>
        <translation>{type} se programa una sola vez, desde la admisión evaluada; una serie está formada por las citas que la siguen.</translation>
    </message>
    <message>
        <source>A visit of the course changed a moment ago (cancelled or checked in); open the course again.</source>
        <translation>Una cita de la serie cambió hace un momento (se canceló o se registró la llegada); abra de nuevo la serie.</translation>
    </message>
    <message>
        <source>The visits to move are not of one course.</source>
        <translation>Las citas que se van a cambiar no son de una misma serie.</translation>
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
    <name>Database</name>
    <message>
        <source>The database refused this: your account&apos;s role may not do it.</source>
        <translation>La base de datos no lo permitió: la función de su cuenta no puede hacerlo.</translation>
    </message>
    <message>
        <source>Another computer changed the same records at the same moment, so nothing was saved. Try again.</source>
        <translation>Otra computadora cambió los mismos registros en el mismo momento, así que no se guardó nada. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database address {address} is not valid</source>
        <translation>La dirección de la base de datos {address} no es válida</translation>
    </message>
    <message>
        <source>The database address {address} is not valid: {why}</source>
        <translation>La dirección de la base de datos {address} no es válida: {why}</translation>
    </message>
    <message>
        <source>Cannot create the database file for {address}: {problem}. Check the data folder exists and is writable.</source>
        <translation>No se puede crear el archivo de la base de datos para {address}: {problem}. Compruebe que la carpeta de datos existe y que se puede escribir en ella.</translation>
    </message>
    <message>
        <source>Install Clinic Intake {version} or newer (the version the other computers use)</source>
        <translation>Instale Clinic Intake {version} o una versión más reciente (la que usan las demás computadoras)</translation>
    </message>
    <message>
        <source>Install the newer version of Clinic Intake that the other computers use</source>
        <translation>Instale la versión más reciente de Clinic Intake que usan las demás computadoras</translation>
    </message>
    <message>
        <source>The database {database} has schema revision {current}, newer than this program knows: this computer has {program}. {install}; nothing was changed.</source>
        <translation>La base de datos {database} tiene la revisión de esquema {current}, más reciente que las que conoce este programa: esta computadora tiene {program}. {install}; no se cambió nada.</translation>
    </message>
    <message>
        <source>The database {database} is at schema revision {current}, this program needs {head}. Run `intake db upgrade`.</source>
        <translation>La base de datos {database} está en la revisión de esquema {current} y este programa necesita {head}. Ejecute `intake db upgrade`.</translation>
    </message>
    <message>
        <source>The server does not offer an encrypted connection (TLS), which the settings require (sslmode). Ask your IT person to turn on TLS on the server.</source>
        <translation>El servidor no ofrece una conexión cifrada (TLS), que la configuración exige (sslmode). Pida a su persona de informática que active TLS en el servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is made out to another name than the server in the address, so it may not be your server. Use the name on the certificate, or ask your IT person.</source>
        <translation>El certificado del servidor está emitido a un nombre distinto del servidor de la dirección, así que puede que no sea su servidor. Use el nombre del certificado o consulte a su persona de informática.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate cannot be checked with the certificate authority file in the settings (sslrootcert): another authority signed it or it has expired, so the server is not trusted. Ask your IT person for the right file.</source>
        <translation>No se puede comprobar el certificado del servidor con el archivo de la autoridad de certificación de la configuración (sslrootcert): lo firmó otra autoridad o ha caducado, así que el servidor no es de confianza. Pida el archivo correcto a su persona de informática.</translation>
    </message>
    <message>
        <source>The certificate authority file in the settings (sslrootcert) cannot be read. Check its path.</source>
        <translation>No se puede leer el archivo de la autoridad de certificación de la configuración (sslrootcert). Compruebe su ruta.</translation>
    </message>
    <message>
        <source>The user name or password was refused. Check the address in the settings.</source>
        <translation>Se rechazó el nombre de usuario o la contraseña. Revise la dirección en la configuración.</translation>
    </message>
    <message>
        <source>That database does not exist on the server. Ask your IT person to create it.</source>
        <translation>Esa base de datos no existe en el servidor. Pida a su persona de informática que la cree.</translation>
    </message>
    <message>
        <source>The database is busy or locked by another program. Try again in a moment.</source>
        <translation>La base de datos está ocupada o bloqueada por otro programa. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The database file cannot be opened. Check the data folder and disk space.</source>
        <translation>No se puede abrir el archivo de la base de datos. Revise la carpeta de datos y el espacio en disco.</translation>
    </message>
    <message>
        <source>The server does not answer. Check the network and that the server is running.</source>
        <translation>El servidor no responde. Revise la red y que el servidor esté en marcha.</translation>
    </message>
    <message>
        <source>Cannot use the database {address}. {what} ({detail})</source>
        <translation>No se puede usar la base de datos {address}. {what} ({detail})</translation>
    </message>
    <message>
        <source>The database {database} has no journal key. Run `intake db upgrade`.</source>
        <translation>La base de datos {database} no tiene clave del diario. Ejecute `intake db upgrade`.</translation>
    </message>
</context>
<context>
    <name>DeskAlertBanner</name>
    <message>
        <source>Emergency</source>
        <translation>Urgencia</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Derivar</translation>
    </message>
    <message>
        <source>Alerts from the waiting-room tablet</source>
        <translation>Avisos de la tableta de la sala de espera</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Avisos abiertos</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar visto</translation>
    </message>
    <message>
        <source>Acknowledge the chosen alert</source>
        <translation>Confirmar el aviso elegido</translation>
    </message>
    <message>
        <source>⚠ {level}: {patient} (waiting-room tablet) needs to be seen now. {message}</source>
        <translation>⚠ {level}: {patient} (tableta de la sala de espera) debe ser atendido ahora. {message}</translation>
    </message>
</context>
<context>
    <name>DeskAlerts</name>
    <message>
        <source>There is no desk alert with id {id}.</source>
        <translation>No hay ninguna alerta de recepción con el id {id}.</translation>
    </message>
    <message>
        <source>Someone else has already acknowledged this alert.</source>
        <translation>Otra persona ya atendió esta alerta.</translation>
    </message>
    <message>
        <source>Someone else changed this alert; look again.</source>
        <translation>Otra persona cambió esta alerta; vuelva a mirar.</translation>
    </message>
    <message>
        <source>The database cannot be reached right now; alerts will show when it is back.</source>
        <translation>No se puede conectar con la base de datos en este momento; las alertas aparecerán cuando vuelva la conexión.</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <source>Possible matches already on file</source>
        <translation>Posibles coincidencias ya registradas</translation>
    </message>
    <message>
        <source>Already on file?</source>
        <translation>¿Ya está registrado?</translation>
    </message>
    <message>
        <source>Matches appear here while you type.</source>
        <translation>Las coincidencias aparecen aquí mientras escribe.</translation>
    </message>
    <message>
        <source>No one on file looks like this patient.</source>
        <translation>Ningún paciente registrado se parece a este.</translation>
    </message>
    <message>
        <source>Merge into {record}…</source>
        <translation>Fusionar con {record}…</translation>
    </message>
    <message>
        <source>Merge {record} into {other}</source>
        <translation>Fusionar {record} con {other}</translation>
    </message>
    <message>
        <source>These two records on file look like one patient: merge them</source>
        <translation>Estos dos expedientes parecen del mismo paciente: fusiónelos</translation>
    </message>
    <message>
        <source>⚑ Likely the same — {score} of {most} points</source>
        <translation>⚑ Probablemente el mismo — {score} de {most} puntos</translation>
    </message>
    <message>
        <source>⚑ Possibly the same — {score} of {most} points</source>
        <translation>⚑ Posiblemente el mismo — {score} de {most} puntos</translation>
    </message>
    <message>
        <source>Born {date} · {phone}</source>
        <translation>Nació el {date} · {phone}</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>sin teléfono</translation>
    </message>
    <message>
        <source>Use this patient</source>
        <translation>Usar este paciente</translation>
    </message>
    <message>
        <source>Use this patient: {record}</source>
        <translation>Usar este paciente: {record}</translation>
    </message>
</context>
<context>
    <name>FhirExport</name>
    <message>
        <source>This patient record no longer exists.</source>
        <translation>Este expediente de paciente ya no existe.</translation>
    </message>
    <message>
        <source>Cannot write the export in {folder}: {problem}.</source>
        <translation>No se puede escribir la exportación en {folder}: {problem}.</translation>
    </message>
    <message>
        <source>There is no patient with record number {mrn}.</source>
        <translation>No hay ningún paciente con el número de expediente {mrn}.</translation>
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
    <name>GuidelineInterventions</name>
    <message>
        <source>Guideline interventions to consider</source>
        <translation>Intervenciones de la guía a considerar</translation>
    </message>
    <message>
        <source>The guideline&apos;s general recommendations for this provisional category and stage, not a prescription: plan from your own examination.</source>
        <translation>Recomendaciones generales de la guía para esta categoría y etapa provisionales, no una prescripción: planifique a partir de su propia exploración.</translation>
    </message>
    <message>
        <source>No recommendation</source>
        <translation>Sin recomendación</translation>
    </message>
    <message>
        <source>Advised against (grade {grade})</source>
        <translation>Desaconsejado (grado {grade})</translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation>Grado {grade}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>not yet checked by the clinical lead</source>
        <translation>aún no revisado por la dirección clínica</translation>
    </message>
    <message>
        <source>From {guideline}. Not yet signed off.</source>
        <translation>De {guideline}. Aún sin aprobar.</translation>
    </message>
    <message>
        <source>From {guideline}. Signed off by {lead}, {on}.</source>
        <translation>De {guideline}. Aprobado por {lead}, {on}.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Clinic Intake is locked</source>
        <translation>Clinic Intake está bloqueado</translation>
    </message>
    <message>
        <source>Tablet alert</source>
        <translation>Alerta de la tableta</translation>
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
        <source>⚠ A patient at the waiting-room tablet needs the front desk now. Sign in to see who.</source>
        <translation>⚠ Un paciente en la tableta de la sala de espera necesita a la recepción ahora. Inicie sesión para ver quién.</translation>
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
    <name>IntakeForm</name>
    <message>
        <source>Cannot write the local copy (disk full?)</source>
        <translation>No se puede escribir la copia local (¿disco lleno?)</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Guardado {time}</translation>
    </message>
    <message>
        <source>{problem} This copy is kept on this computer.</source>
        <translation>{problem} Esta copia se conserva en esta computadora.</translation>
    </message>
    <message>
        <source>Kept on this computer; not in the database yet. Trying again in {seconds} s.</source>
        <translation>Guardado en esta computadora; aún no está en la base de datos. Se reintentará en {seconds} s.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation>– elija –</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Ninguna de estas</translation>
    </message>
    <message>
        <source>none of these</source>
        <translation>ninguna de estas</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>de {low} a {high}</translation>
    </message>
    <message>
        <source>Type a number, for example 4.</source>
        <translation>Escriba un número, por ejemplo 4.</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Escriba un número entero.</translation>
    </message>
    <message>
        <source>Between {low} and {high}, please.</source>
        <translation>Entre {low} y {high}, por favor.</translation>
    </message>
    <message>
        <source>e.g. 1980-05-31, 5/31/1980, 31 May 1980</source>
        <translation>p. ej. 1980-05-31, 5/31/1980, 31 may 1980</translation>
    </message>
    <message>
        <source>Not a date I can read; try 1980-05-31.</source>
        <translation>No se reconoce la fecha; pruebe 1980-05-31.</translation>
    </message>
    <message>
        <source>That date is in the future.</source>
        <translation>Esa fecha es futura.</translation>
    </message>
    <message>
        <source>That is more than 120 years ago.</source>
        <translation>Eso fue hace más de 120 años.</translation>
    </message>
    <message>
        <source>= {date} (age {years})</source>
        <translation>= {date} (edad: {years})</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No aplica</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>no aplica</translation>
    </message>
    <message>
        <source>Current answer: {answer}</source>
        <translation>Respuesta actual: {answer}</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoria.</translation>
    </message>
    <message>
        <source>Skipped on the tablet</source>
        <translation>Sin responder en la tableta</translation>
    </message>
</context>
<context>
    <name>IntakeState</name>
    <message>
        <source>Draft, not finished</source>
        <translation>Borrador, sin terminar</translation>
    </message>
    <message>
        <source>Waiting for a therapist&apos;s review</source>
        <translation>Esperando la revisión de un terapeuta</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Returned to the front desk</source>
        <translation>Devuelta a la recepción</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Descartada</translation>
    </message>
</context>
<context>
    <name>IntakeSummary</name>
    <message>
        <source>Neck pain with mobility deficits</source>
        <translation>Dolor de cuello con déficit de movilidad</translation>
    </message>
    <message>
        <source>Neck pain with movement coordination impairments</source>
        <translation>Dolor de cuello con alteraciones de la coordinación del movimiento</translation>
    </message>
    <message>
        <source>Neck pain with headache</source>
        <translation>Dolor de cuello con cefalea</translation>
    </message>
    <message>
        <source>Neck pain with radiating pain</source>
        <translation>Dolor de cuello con dolor irradiado</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… y {count} más</translation>
    </message>
    <message>
        <source>Still needed:</source>
        <translation>Aún faltan:</translation>
    </message>
    <message>
        <source>Warning signs and notes:</source>
        <translation>Señales de alarma y notas:</translation>
    </message>
    <message>
        <source>Provisional category: {category}</source>
        <translation>Categoría provisional: {category}</translation>
    </message>
    <message>
        <source>Stage: {stage}</source>
        <translation>Etapa: {stage}</translation>
    </message>
    <message>
        <source>Neck Disability Index: {raw}/50 ({percent} %, {band})</source>
        <translation>Índice de Discapacidad Cervical: {raw}/50 ({percent} %, {band})</translation>
    </message>
    <message>
        <source>Pain now / best / worst: {now} / {best} / {worst}</source>
        <translation>Dolor actual / mínimo / máximo: {now} / {best} / {worst}</translation>
    </message>
    <message>
        <source>Cervicogenic headache criteria met</source>
        <translation>Se cumplen los criterios de cefalea cervicogénica</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>They finished on the tablet.</source>
        <translation>Terminó en la tableta.</translation>
    </message>
    <message>
        <source>They have not finished (still on the tablet?): ask them first.</source>
        <translation>No ha terminado (¿sigue con la tableta?): pregúntele primero.</translation>
    </message>
    <message>
        <source>The screening is incomplete; answer the questions listed.</source>
        <translation>La evaluación de riesgos está incompleta; responda las preguntas indicadas.</translation>
    </message>
    <message>
        <source>{action}? The intake is stored with the answers given ({count}) and no more questions; the clinician on duty sees it in the review queue. It cannot be continued afterwards.</source>
        <translation>¿{action}? La admisión se guarda con las respuestas dadas ({count}) y sin más preguntas; el clínico de turno la verá en la cola de revisión. Después no se puede continuar.</translation>
    </message>
    <message>
        <source>Keep asking</source>
        <translation>Seguir preguntando</translation>
    </message>
    <message>
        <source>Only an emergency or referral screening closes an intake.</source>
        <translation>Solo una evaluación de riesgos de emergencia o de derivación cierra una admisión.</translation>
    </message>
    <message>
        <source>Filled in by the patient on the tablet — check each answer with them. Questions they skipped are marked “Skipped on the tablet”.</source>
        <translation>Rellenado por el paciente en la tableta: compruebe cada respuesta con él. Las preguntas que dejó sin responder están marcadas «Sin responder en la tableta».</translation>
    </message>
    <message>
        <source>From the tablet</source>
        <translation>Desde la tableta</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún sin guardar</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
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
    <message>
        <source>Steps (Alt+Left and Alt+Right move between them)</source>
        <translation>Pasos (Alt+Izquierda y Alt+Derecha para moverse entre ellos)</translation>
    </message>
    <message>
        <source>◀ Previous step</source>
        <translation>◀ Paso anterior</translation>
    </message>
    <message>
        <source>Alt+Left or Ctrl+Page Up</source>
        <translation>Alt+Izquierda o Ctrl+Re Pág</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation>Paso siguiente ▶</translation>
    </message>
    <message>
        <source>Alt+Right or Ctrl+Page Down</source>
        <translation>Alt+Derecha o Ctrl+Av Pág</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Enter: next question · Alt+→ / Alt+←: next / previous step</source>
        <translation>Intro: siguiente pregunta · Alt+→ / Alt+←: siguiente paso / anterior</translation>
    </message>
    <message>
        <source>Urgent screening result</source>
        <translation>Resultado urgente de la evaluación de riesgos</translation>
    </message>
    <message>
        <source>Stores the intake with its screening and the answers so far, no more questions; the clinician on duty sees it in the review queue</source>
        <translation>Guarda la admisión con su evaluación de riesgos y las respuestas dadas hasta ahora, sin más preguntas; el clínico de turno la verá en la cola de revisión</translation>
    </message>
    <message>
        <source>Summary and booking</source>
        <translation>Resumen y cita</translation>
    </message>
    <message>
        <source>Screening summary</source>
        <translation>Resumen de la evaluación de riesgos</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>The slot finder appears here.</source>
        <translation>Aquí aparece el buscador de horarios.</translation>
    </message>
    <message>
        <source>Finish intake</source>
        <translation>Terminar admisión</translation>
    </message>
    <message>
        <source>Stores the intake as submitted (Ctrl+Enter)</source>
        <translation>Guarda la admisión como enviada (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>{step} (not asked)</source>
        <translation>{step} (no se pregunta)</translation>
    </message>
    <message>
        <source>{step} · {count} to answer</source>
        <translation>{step} · faltan {count}</translation>
    </message>
    <message>
        <source>Summary and booking · {level}</source>
        <translation>Resumen y cita · {level}</translation>
    </message>
    <message>
        <source>{level}: {meaning}</source>
        <translation>{level}: {meaning}</translation>
    </message>
    <message>
        <source>Booking allowed – marked for the therapist&apos;s review before the visit.</source>
        <translation>Se permite programar la cita; queda marcada para que el fisioterapeuta la revise antes de la visita.</translation>
    </message>
    <message>
        <source>Booking allowed.</source>
        <translation>Se permite programar la cita.</translation>
    </message>
    <message>
        <source>Booking disabled. {meaning}</source>
        <translation>No se puede programar la cita. {meaning}</translation>
    </message>
    <message>
        <source>Booking waits: {count} required questions are unanswered.</source>
        <translation>La cita espera: preguntas obligatorias sin responder: {count}.</translation>
    </message>
    <message>
        <source>Booking waits: {reason}</source>
        <translation>La cita espera: {reason}</translation>
    </message>
    <message>
        <source>Not finished: the database did not take the latest copy. The intake is kept on this computer; try again in a moment.</source>
        <translation>Sin terminar: la base de datos no recibió la última copia. La admisión se conserva en esta computadora; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Intake finished and stored</source>
        <translation>Admisión terminada y guardada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>{closed}: the clinician on duty sees it in the review queue</source>
        <translation>{closed}: el clínico de turno la verá en la cola de revisión</translation>
    </message>
    <message>
        <source>Record no. {number}</source>
        <translation>Expediente n.º {number}</translation>
    </message>
</context>
<context>
    <name>Intakes</name>
    <message>
        <source>Someone else changed this intake; reopen it to see the change.</source>
        <translation>Otra persona cambió esta admisión; vuelva a abrirla para ver el cambio.</translation>
    </message>
    <message>
        <source>There is no intake with id {id}.</source>
        <translation>No hay ninguna admisión con el id {id}.</translation>
    </message>
    <message>
        <source>This intake was already submitted; a therapist must return it before it can be changed.</source>
        <translation>Esta admisión ya se envió; un terapeuta debe devolverla antes de que se pueda cambiar.</translation>
    </message>
    <message>
        <source>This intake was already submitted; it is not a draft now.</source>
        <translation>Esta admisión ya se envió; ya no es un borrador.</translation>
    </message>
    <message>
        <source>This intake already belongs to another patient.</source>
        <translation>Esta admisión ya pertenece a otro paciente.</translation>
    </message>
    <message>
        <source>The screening is incomplete: {missing}</source>
        <translation>La evaluación de riesgos está incompleta: {missing}</translation>
    </message>
    <message>
        <source>Only an emergency or referral screening closes an intake as a referral; finish the intake, or discard the draft with a reason.</source>
        <translation>Solo una evaluación de riesgos de emergencia o de derivación cierra una admisión como derivación; termine la admisión o descarte el borrador indicando el motivo.</translation>
    </message>
    <message>
        <source>The questions cannot be shown in that language.</source>
        <translation>Las preguntas no se pueden mostrar en ese idioma.</translation>
    </message>
    <message>
        <source>This intake is not a draft any more; it was not discarded.</source>
        <translation>Esta admisión ya no es un borrador; no se descartó.</translation>
    </message>
    <message>
        <source>The database cannot be reached right now; the intake is kept on this computer and saved again automatically.</source>
        <translation>No se puede conectar con la base de datos en este momento; la admisión se conserva en esta computadora y se guardará de nuevo automáticamente.</translation>
    </message>
</context>
<context>
    <name>Interventions</name>
    <message>
        <source>None shown: the triage is emergency. The patient needs medical care first; the guideline&apos;s physical therapy interventions apply only after medical clearance.</source>
        <translation>No se muestra ninguna: la clasificación es emergencia. El paciente necesita atención médica primero; las intervenciones de fisioterapia de la guía solo se aplican después del alta médica.</translation>
    </message>
    <message>
        <source>None shown: the triage is refer. The patient needs medical care first; the guideline&apos;s physical therapy interventions apply only after medical clearance.</source>
        <translation>No se muestra ninguna: la clasificación es «derivar». El paciente necesita atención médica primero; las intervenciones de fisioterapia de la guía solo se aplican después del alta médica.</translation>
    </message>
    <message>
        <source>None shown: the stage is unknown (how long the symptoms have lasted is not answered).</source>
        <translation>No se muestra ninguna: la etapa es desconocida (no se respondió cuánto tiempo llevan los síntomas).</translation>
    </message>
    <message>
        <source>None shown: the screening gives no provisional category.</source>
        <translation>No se muestra ninguna: la evaluación no da ninguna categoría provisional.</translation>
    </message>
    <message>
        <source>None shown: there is no interventions file for checklist {checklist}.</source>
        <translation>No se muestra ninguna: no hay archivo de intervenciones para la lista de verificación {checklist}.</translation>
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
    <name>KioskAnswers</name>
    <message>
        <source>None of these</source>
        <translation>Ninguna de estas</translation>
    </message>
    <message>
        <source>Does not apply to me</source>
        <translation>No me corresponde</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Escriba un número</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Arrow keys move between the regions, Space marks one.</source>
        <translation>Las flechas pasan de una zona a otra; la barra espaciadora marca una.</translation>
    </message>
    <message>
        <source>You marked:</source>
        <translation>Ha marcado:</translation>
    </message>
    <message>
        <source>You marked</source>
        <translation>Ha marcado</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear the pain picture</source>
        <translation>Borrar el dibujo del dolor</translation>
    </message>
    <message>
        <source>Touch each place where you feel it. Touch it again to take it off.</source>
        <translation>Toque cada lugar donde lo siente. Tóquelo otra vez para quitarlo.</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Nada todavía</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>KioskSession</name>
    <message>
        <source>Please tell us who you are</source>
        <translation>Díganos quién es usted</translation>
    </message>
    <message>
        <source>Type your name and date of birth as the clinic has them.</source>
        <translation>Escriba su nombre y su fecha de nacimiento como los tiene la clínica.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Date of birth (day, month, year)</source>
        <translation>Fecha de nacimiento (día, mes, año)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Please type your date of birth: day, month and year.</source>
        <translation>Escriba su fecha de nacimiento: día, mes y año.</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Un momento…</translation>
    </message>
    <message>
        <source>We could not find you — please ask at the front desk.</source>
        <translation>No pudimos encontrarle. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <source>The tablet cannot reach the clinic&apos;s computer. Please ask at the front desk.</source>
        <translation>La tableta no puede conectar con el ordenador de la clínica. Por favor, pregunte en la recepción.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>Your answers are saved. Please give the tablet back to the front desk.</source>
        <translation>Sus respuestas están guardadas. Por favor, devuelva la tableta en la recepción.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Please go to the front desk now</source>
        <translation>Por favor, vaya ahora a la recepción</translation>
    </message>
    <message>
        <source>Thank you for your answers. A member of our team would like to see you straight away. Leave the tablet here.</source>
        <translation>Gracias por sus respuestas. Una persona de nuestro equipo quiere verle enseguida. Deje la tableta aquí.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Patient self-intake</source>
        <translation>Cuestionario del paciente</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Ready for: {name} — tap to start</source>
        <translation>Listo para: {name} — toque para empezar</translation>
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
    <name>LeaveBar</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Go back to it</source>
        <translation>Volver a él</translation>
    </message>
    <message>
        <source>Go back to the unsaved record</source>
        <translation>Volver al expediente sin guardar</translation>
    </message>
    <message>
        <source>Drop my changes</source>
        <translation>Descartar mis cambios</translation>
    </message>
    <message>
        <source>Drop the unsaved changes and open the other record</source>
        <translation>Descartar los cambios sin guardar y abrir el otro expediente</translation>
    </message>
    <message>
        <source>⚠ Your changes to {who} are not saved yet.</source>
        <translation>⚠ Sus cambios en {who} todavía no se han guardado.</translation>
    </message>
</context>
<context>
    <name>LocationsTab</name>
    <message>
        <source>Locations</source>
        <translation>Sedes</translation>
    </message>
    <message>
        <source>New location</source>
        <translation>Nueva sede</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>Open for booking</source>
        <translation>Abierta para citas</translation>
    </message>
    <message>
        <source>Save location</source>
        <translation>Guardar sede</translation>
    </message>
    <message>
        <source>Opening hours (local time)</source>
        <translation>Horario de apertura (hora local)</translation>
    </message>
    <message>
        <source>Open on {day}</source>
        <translation>Abierta el {day}</translation>
    </message>
    <message>
        <source>{day} opens at</source>
        <translation>{day}: abre a las</translation>
    </message>
    <message>
        <source>{day} closes at</source>
        <translation>{day}: cierra a las</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Save opening hours</source>
        <translation>Guardar horario de apertura</translation>
    </message>
    <message>
        <source>Closures (holidays)</source>
        <translation>Cierres (días festivos)</translation>
    </message>
    <message>
        <source>Closures of this location</source>
        <translation>Cierres de esta sede</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Add closure</source>
        <translation>Añadir cierre</translation>
    </message>
    <message>
        <source>Remove closure</source>
        <translation>Quitar cierre</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source> (not in use)</source>
        <translation> (fuera de uso)</translation>
    </message>
    <message>
        <source>Location {code} saved.</source>
        <translation>Sede {code} guardada.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} a {last}</translation>
    </message>
    <message>
        <source>Choose the closure to remove first.</source>
        <translation>Primero elija el cierre que quiere quitar.</translation>
    </message>
    <message>
        <source>Closures saved.</source>
        <translation>Cierres guardados.</translation>
    </message>
</context>
<context>
    <name>Locking</name>
    <message>
        <source>{what} was changed or removed on another computer since you opened it. Reload it and make your change again.</source>
        <translation>Otra computadora cambió o eliminó esto desde que usted lo abrió ({what}). Vuelva a cargarlo y haga su cambio de nuevo.</translation>
    </message>
    <message>
        <source>Record {mrn}</source>
        <translation>Expediente {mrn}</translation>
    </message>
    <message>
        <source>Location {code}</source>
        <translation>Sede {code}</translation>
    </message>
    <message>
        <source>Appointment type {code}</source>
        <translation>Tipo de cita {code}</translation>
    </message>
    <message>
        <source>Therapist {id}</source>
        <translation>Fisioterapeuta {id}</translation>
    </message>
    <message>
        <source>This weekly template</source>
        <translation>Esta plantilla semanal</translation>
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
    <name>Merge</name>
    <message>
        <source>intake</source>
        <translation>admisión</translation>
    </message>
    <message>
        <source>intakes</source>
        <translation>admisiones</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>cita</translation>
    </message>
    <message>
        <source>appointments</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>waitlist entry</source>
        <translation>entrada de la lista de espera</translation>
    </message>
    <message>
        <source>waitlist entries</source>
        <translation>entradas de la lista de espera</translation>
    </message>
    <message>
        <source>{count} intake</source>
        <translation>{count} admisión</translation>
    </message>
    <message>
        <source>{count} intakes</source>
        <translation>{count} admisiones</translation>
    </message>
    <message>
        <source>no intakes</source>
        <translation>ninguna admisión</translation>
    </message>
    <message>
        <source>{count} appointment</source>
        <translation>{count} cita</translation>
    </message>
    <message>
        <source>{count} appointments</source>
        <translation>{count} citas</translation>
    </message>
    <message>
        <source>no appointments</source>
        <translation>ninguna cita</translation>
    </message>
    <message>
        <source>{count} waitlist entry</source>
        <translation>{count} entrada de la lista de espera</translation>
    </message>
    <message>
        <source>{count} waitlist entries</source>
        <translation>{count} entradas de la lista de espera</translation>
    </message>
    <message>
        <source>no waitlist entries</source>
        <translation>ninguna entrada de la lista de espera</translation>
    </message>
    <message>
        <source>{day:words}, {start:words}–{end:words} {zone} at {location} ({record})</source>
        <translation>{day:words}, {start:words}–{end:words} {zone} en {location} ({record})</translation>
    </message>
    <message>
        <source>{surviving} overlaps {merged}</source>
        <translation>{surviving} coincide con {merged}</translation>
    </message>
    <message>
        <source>This is not a field of a patient record.</source>
        <translation>Este no es un campo del expediente de un paciente.</translation>
    </message>
    <message>
        <source>A record cannot be merged into itself: choose the other record.</source>
        <translation>Un expediente no se puede fusionar consigo mismo: elija el otro expediente.</translation>
    </message>
    <message>
        <source>Record {record} was already merged into another record; merge with the record it was merged into.</source>
        <translation>El expediente {record} ya se fusionó en otro expediente; fusione con el expediente en el que se fusionó.</translation>
    </message>
    <message>
        <source>The two records have visits at the same time, and one patient cannot be in two visits at once: {pairs}. Cancel or move one of each pair, then merge.</source>
        <translation>Los dos expedientes tienen citas a la misma hora, y un paciente no puede estar en dos citas a la vez: {pairs}. Cancele o mueva una de cada par y luego fusione.</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>{first}, {second} and {third}</source>
        <translation>{first}, {second} y {third}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Family name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation>Teléfono del contacto de emergencia</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>N.º de afiliado</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>Origen de la derivación</translation>
    </message>
    <message>
        <source>Referring provider</source>
        <translation>Profesional que deriva</translation>
    </message>
    <message>
        <source>Preferred location</source>
        <translation>Sede preferida</translation>
    </message>
    <message>
        <source>Merge duplicate records</source>
        <translation>Fusionar expedientes duplicados</translation>
    </message>
    <message>
        <source>Find the other record of this patient</source>
        <translation>Buscar el otro expediente de este paciente</translation>
    </message>
    <message>
        <source>What moves</source>
        <translation>Qué se traslada</translation>
    </message>
    <message>
        <source>What stops the merge</source>
        <translation>Qué impide la fusión</translation>
    </message>
    <message>
        <source>Merge status</source>
        <translation>Estado de la fusión</translation>
    </message>
    <message>
        <source>Swap records</source>
        <translation>Intercambiar expedientes</translation>
    </message>
    <message>
        <source>Make the other record the one that stays</source>
        <translation>Conservar el otro expediente</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionar…</translation>
    </message>
    <message>
        <source>Merge the two records (asks first)</source>
        <translation>Fusionar los dos expedientes (pregunta antes)</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Deshacer fusión</translation>
    </message>
    <message>
        <source>Undo the merge just made</source>
        <translation>Deshacer la fusión recién hecha</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
    <message>
        <source>Find the other record of this patient, then press Enter.</source>
        <translation>Busque el otro expediente de este paciente y pulse Intro.</translation>
    </message>
    <message>
        <source>That is the same record: choose the other one.</source>
        <translation>Es el mismo expediente: elija el otro.</translation>
    </message>
    <message>
        <source>Reading both records…</source>
        <translation>Leyendo ambos expedientes…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stays:&lt;/b&gt; {who}</source>
        <translation>&lt;b&gt;Se conserva:&lt;/b&gt; {who}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Merged into it:&lt;/b&gt; {who}</source>
        <translation>&lt;b&gt;Se fusiona con él:&lt;/b&gt; {who}</translation>
    </message>
    <message>
        <source>Moves to {record}: {what}.</source>
        <translation>Pasa a {record}: {what}.</translation>
    </message>
    <message>
        <source>⚠ Cannot merge: the two records have visits at the same time. Cancel or move one of each pair first:</source>
        <translation>⚠ No se puede fusionar: los dos expedientes tienen visitas a la misma hora. Primero cancele o mueva una de cada par:</translation>
    </message>
    <message>
        <source>The merge can be made once no two visits of the records overlap.</source>
        <translation>La fusión será posible cuando ninguna visita de los expedientes coincida.</translation>
    </message>
    <message>
        <source>Choose, for each line, which value the record that stays keeps (← → or space; Tab to the next line).</source>
        <translation>Elija, para cada línea, qué valor conserva el expediente que se queda (← → o espacio; Tab para la siguiente línea).</translation>
    </message>
    <message>
        <source>The two records hold the same details; only their visits and intakes move.</source>
        <translation>Los dos expedientes tienen los mismos datos; solo se trasladan sus visitas y admisiones.</translation>
    </message>
    <message>
        <source>{field}: keep the value of {record}</source>
        <translation>{field}: conservar el valor de {record}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Merge {merged} into {surviving}? {what} move to {surviving}; {merged} stays only as a pointer to it. An admin can undo this.</source>
        <translation>¿Fusionar {merged} con {surviving}? {what} pasan a {surviving}; {merged} queda solo como referencia a él. Un administrador puede deshacerlo.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusionando…</translation>
    </message>
    <message>
        <source>Moved to {record}: {what}.</source>
        <translation>Trasladado a {record}: {what}.</translation>
    </message>
    <message>
        <source>Merged {merged} into {surviving}. Searches for {merged} now lead to {surviving}.</source>
        <translation>Se fusionó {merged} con {surviving}. Las búsquedas de {merged} ahora llevan a {surviving}.</translation>
    </message>
    <message>
        <source>Undoing the merge…</source>
        <translation>Deshaciendo la fusión…</translation>
    </message>
    <message>
        <source> Changed since the merge, so kept on {record}: {fields}.</source>
        <translation> Cambiado después de la fusión, por eso se conserva en {record}: {fields}.</translation>
    </message>
    <message>
        <source>Merge undone: {record} is a record of its own again, with its intakes, appointments and waitlist entries.</source>
        <translation>Fusión deshecha: {record} vuelve a ser un expediente propio, con sus admisiones, citas y entradas en la lista de espera.</translation>
    </message>
    <message>
        <source>date of birth unknown</source>
        <translation>fecha de nacimiento desconocida</translation>
    </message>
    <message>
        <source>{name} · born {date} · {record}</source>
        <translation>{name} · nació el {date} · {record}</translation>
    </message>
</context>
<context>
    <name>MergesTab</name>
    <message>
        <source>Merges</source>
        <translation>Fusiones</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusión</translation>
    </message>
    <message>
        <source>No merge chosen.</source>
        <translation>No se eligió ninguna fusión.</translation>
    </message>
    <message>
        <source>The chosen merge</source>
        <translation>La fusión elegida</translation>
    </message>
    <message>
        <source>Undo this merge…</source>
        <translation>Deshacer esta fusión…</translation>
    </message>
    <message>
        <source>Undo this merge</source>
        <translation>Deshacer esta fusión</translation>
    </message>
    <message>
        <source>Yes, undo it</source>
        <translation>Sí, deshacerla</translation>
    </message>
    <message>
        <source>Yes, undo the merge</source>
        <translation>Sí, deshacer la fusión</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Undone {when}.</source>
        <translation>Deshecha el {when}.</translation>
    </message>
    <message>
        <source>In force: searches for the merged record lead to the one that stayed.</source>
        <translation>Vigente: las búsquedas del expediente fusionado llevan al que se conservó.</translation>
    </message>
    <message>
        <source>{merged} ({name}) was merged into {surviving} by {who}, {when}. {state}</source>
        <translation>{merged} ({name}) se fusionó con {surviving}; lo hizo {who}, {when}. {state}</translation>
    </message>
    <message>
        <source>No merges yet.</source>
        <translation>Todavía no hay fusiones.</translation>
    </message>
    <message>
        <source>Undo: {record} becomes a record of its own again and gets back what the merge moved. Press “Yes, undo it” to go on.</source>
        <translation>Deshacer: {record} vuelve a ser un expediente propio y recupera lo que la fusión movió. Pulse «Sí, deshacerla» para continuar.</translation>
    </message>
    <message>
        <source>Undoing the merge…</source>
        <translation>Deshaciendo la fusión…</translation>
    </message>
    <message>
        <source>Merge undone: {record} is a record of its own again.</source>
        <translation>Fusión deshecha: {record} vuelve a ser un expediente propio.</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation> (deshecha)</translation>
    </message>
</context>
<context>
    <name>PainPicture</name>
    <message>
        <source>front</source>
        <translation>delante</translation>
    </message>
    <message>
        <source>back</source>
        <translation>detrás</translation>
    </message>
    <message>
        <source>Pain picture, front and back</source>
        <translation>Mapa del dolor, por delante y por detrás</translation>
    </message>
    <message>
        <source>Arrow keys move between regions, Space ticks one; the list beside it does the same.</source>
        <translation>Las flechas se mueven entre las zonas y la barra espaciadora marca una; la lista de al lado hace lo mismo.</translation>
    </message>
    <message>
        <source>Click where it hurts; click again to clear</source>
        <translation>Haga clic donde duele; vuelva a hacer clic para quitarlo</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Delante</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Detrás</translation>
    </message>
    <message>
        <source>R</source>
        <comment>the patient&apos;s right side, one letter</comment>
        <translation>D</translation>
    </message>
    <message>
        <source>L</source>
        <comment>the patient&apos;s left side, one letter</comment>
        <translation>I</translation>
    </message>
    <message>
        <source>Click where it hurts</source>
        <translation>Haga clic donde duele</translation>
    </message>
    <message>
        <source>Pain picture – {region}</source>
        <translation>Mapa del dolor – {region}</translation>
    </message>
    <message>
        <source>Ticked here or on the picture:</source>
        <translation>Marcado aquí o en el mapa:</translation>
    </message>
</context>
<context>
    <name>PatientChecks</name>
    <message>
        <source>This is too long to store once written for search: shorten it.</source>
        <translation>Es demasiado largo para guardarlo en la forma de búsqueda: acórtelo.</translation>
    </message>
    <message>
        <source>Remove the invisible control character from this field.</source>
        <translation>Quite el carácter de control invisible de este campo.</translation>
    </message>
    <message>
        <source>Enter the family name.</source>
        <translation>Escriba el apellido.</translation>
    </message>
    <message>
        <source>Enter the given name.</source>
        <translation>Escriba el nombre.</translation>
    </message>
    <message>
        <source>Enter the date of birth.</source>
        <translation>Escriba la fecha de nacimiento.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>La fecha de nacimiento está en el futuro.</translation>
    </message>
    <message>
        <source>That makes the patient older than {years}.</source>
        <translation>Con esa fecha el paciente tendría más de {years} años.</translation>
    </message>
    <message>
        <source>Choose female, male or other.</source>
        <translation>Elija femenino, masculino u otro.</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>Elija un idioma de la lista.</translation>
    </message>
    <message>
        <source>A phone number has 7 to 15 digits.</source>
        <translation>Un número de teléfono tiene de 7 a 15 dígitos.</translation>
    </message>
    <message>
        <source>That is not an e-mail address (name@example.org).</source>
        <translation>Eso no es una dirección de correo electrónico (nombre@example.org).</translation>
    </message>
    <message>
        <source>That is not a postal code.</source>
        <translation>Eso no es un código postal.</translation>
    </message>
    <message>
        <source>This is too long: at most {limit} characters.</source>
        <translation>Es demasiado largo: como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>No area code? It is kept as typed; add the area code (10 digits, e.g. (212) 555-0101) so every location can call back.</source>
        <translation>¿Sin código de área? Se guarda tal como está escrito; añada el código de área (10 dígitos, p. ej. (212) 555-0101) para que cualquier sede pueda devolver la llamada.</translation>
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
    <name>PatientFields</name>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Family name *</source>
        <translation>Apellido *</translation>
    </message>
    <message>
        <source>Testcase  (or paste &apos;Testcase, Zoë&apos;)</source>
        <translation>Testcase  (o pegue &apos;Testcase, Zoë&apos;)</translation>
    </message>
    <message>
        <source>Given name *</source>
        <translation>Nombre *</translation>
    </message>
    <message>
        <source>Zoë  (or paste the full name)</source>
        <translation>Zoë  (o pegue el nombre completo)</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Fecha de nacimiento *</translation>
    </message>
    <message>
        <source>1980-03-07, 7.3.1980 or 19800307</source>
        <translation>1980-03-07, 7.3.1980 o 19800307</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>(212) 555-0101</source>
        <translation>(212) 555-0101</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@example.org</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>Teléfono de emergencia</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Insurance or self-pay</source>
        <translation>Seguro o pago particular</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>N.º de afiliado</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Sex *</source>
        <translation>Sexo *</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Preferred location</source>
        <translation>Sede preferida</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Emergency contact and payer</source>
        <translation>Contacto de emergencia y pagador</translation>
    </message>
    <message>
        <source>Note for the desk</source>
        <translation>Nota para recepción</translation>
    </message>
    <message>
        <source>What the desk should know before the patient arrives (access, a guardian…)</source>
        <translation>Lo que recepción debe saber antes de que llegue el paciente (acceso, un tutor…)</translation>
    </message>
    <message>
        <source>Type the date as 1980-03-07, 7.3.1980 or 19800307.</source>
        <translation>Escriba la fecha como 1980-03-07, 7.3.1980 o 19800307.</translation>
    </message>
    <message>
        <source>Is that {first} or {second}? Type it as {typed} to be sure.</source>
        <translation>¿Es el {first} o el {second}? Escríbala como {typed} para estar seguro.</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problema con {field}</translation>
    </message>
    <message>
        <source>No preference</source>
        <translation>Sin preferencia</translation>
    </message>
    <message>
        <source>At most {count} characters; Enter starts a new line.</source>
        <translation>Como máximo {count} caracteres; Intro empieza una línea nueva.</translation>
    </message>
</context>
<context>
    <name>PatientMerge</name>
    <message>
        <source>There is no such merge.</source>
        <translation>No existe esa fusión.</translation>
    </message>
    <message>
        <source>This merge was undone already.</source>
        <translation>Esta fusión ya se deshizo.</translation>
    </message>
    <message>
        <source>One of the two records no longer exists; search for the patient again.</source>
        <translation>Uno de los dos expedientes ya no existe; busque al paciente de nuevo.</translation>
    </message>
    <message>
        <source>The two records have visits at the same time; open the merge again to see which.</source>
        <translation>Los dos expedientes tienen citas a la misma hora; abra la fusión de nuevo para ver cuáles.</translation>
    </message>
    <message>
        <source>The database refused to change record {record}: it was merged, or was given a visit, an intake or a waitlist entry a moment ago. Open the merge again.</source>
        <translation>La base de datos rechazó cambiar el expediente {record}: se fusionó, o hace un momento recibió una cita, una admisión o una entrada de la lista de espera. Abra la fusión de nuevo.</translation>
    </message>
    <message>
        <source>Record {merged} no longer points to {surviving}; nothing to undo.</source>
        <translation>El expediente {merged} ya no remite a {surviving}; no hay nada que deshacer.</translation>
    </message>
    <message>
        <source>Record {record} was itself merged into another record since; undo that merge first.</source>
        <translation>El expediente {record} se fusionó después en otro expediente; primero deshaga esa fusión.</translation>
    </message>
    <message>
        <source>One of the {things} the merge moved now belongs to another record, so the merge cannot be undone exactly; move it back by hand first.</source>
        <translation>Una de las {things} que movió la fusión ahora pertenece a otro expediente, así que la fusión no se puede deshacer exactamente; primero devuélvala a mano.</translation>
    </message>
    <message>
        <source>Since the merge, a new {thing} on {record} was made from an intake the merge moved; undoing would leave it naming the other record&apos;s intake. Cancel or remove it first, or keep the merge.</source>
        <translation>Desde la fusión, se creó una nueva {thing} en {record} a partir de una admisión que movió la fusión; deshacerla la dejaría apuntando a la admisión del otro expediente. Primero cancélela o quítela, o mantenga la fusión.</translation>
    </message>
</context>
<context>
    <name>PatientRegisterForm</name>
    <message>
        <source>Registration status</source>
        <translation>Estado del registro</translation>
    </message>
    <message>
        <source>Register patient</source>
        <translation>Registrar paciente</translation>
    </message>
    <message>
        <source>Register the patient (Ctrl+S)</source>
        <translation>Registrar al paciente (Ctrl+S)</translation>
    </message>
    <message>
        <source>Some fields need attention: see the messages beside them.</source>
        <translation>Algunos campos requieren atención: vea los mensajes junto a ellos.</translation>
    </message>
    <message>
        <source>Restored from this computer: check it, then register the patient.</source>
        <translation>Recuperado de este equipo: revíselo y luego registre al paciente.</translation>
    </message>
    <message>
        <source>Register a patient</source>
        <translation>Registrar un paciente</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Registered {name} as {record}.</source>
        <translation>Se registró a {name} como {record}.</translation>
    </message>
    <message>
        <source>Not saved. Choose “Use this patient” beside the form, or edit.</source>
        <translation>No se guardó. Elija «Usar este paciente» junto al formulario, o edite.</translation>
    </message>
</context>
<context>
    <name>PatientSearchModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>N.º de expediente</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Encontrado por</translation>
    </message>
    <message>
        <source>Found by {how} (record {record}, merged into this one). Press Enter to open.</source>
        <translation>Encontrado por {how} (expediente {record}, fusionado con este). Pulse Intro para abrir.</translation>
    </message>
    <message>
        <source>Found by {how}. Press Enter to open.</source>
        <translation>Encontrado por {how}. Pulse Intro para abrir.</translation>
    </message>
    <message>
        <source>{how} of merged record {record}</source>
        <translation>{how} del expediente fusionado {record}</translation>
    </message>
</context>
<context>
    <name>PatientSearchWidget</name>
    <message>
        <source>Find patient</source>
        <translation>Buscar paciente</translation>
    </message>
    <message>
        <source>Name, date of birth, phone or record number</source>
        <translation>Nombre, fecha de nacimiento, teléfono o número de expediente</translation>
    </message>
    <message>
        <source>Type a name, a date of birth, a phone number or a record number.</source>
        <translation>Escriba un nombre, una fecha de nacimiento, un teléfono o un número de expediente.</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Find a patient</source>
        <translation>Buscar un paciente</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
    <message>
        <source>No patient found. Check the spelling, or register a new patient.</source>
        <translation>No se encontró ningún paciente. Revise la ortografía o registre un paciente nuevo.</translation>
    </message>
    <message>
        <source>{count} patients shown — type more to narrow the list. ↑ ↓ to choose, Enter to open.</source>
        <translation>Se muestran {count} pacientes; escriba más para acotar la lista. ↑ ↓ para elegir, Intro para abrir.</translation>
    </message>
    <message>
        <source>{count} patient. ↑ ↓ to choose, Enter to open.</source>
        <translation>{count} paciente. ↑ ↓ para elegir, Intro para abrir.</translation>
    </message>
    <message>
        <source>{count} patients. ↑ ↓ to choose, Enter to open.</source>
        <translation>{count} pacientes. ↑ ↓ para elegir, Intro para abrir.</translation>
    </message>
</context>
<context>
    <name>Patients</name>
    <message>
        <source>There is no patient with id {id}.</source>
        <translation>No hay ningún paciente con el id {id}.</translation>
    </message>
    <message>
        <source>This patient record was changed on another computer since you opened it. Reload it and make your change again.</source>
        <translation>Este expediente del paciente se cambió en otra computadora desde que usted lo abrió. Vuelva a cargarlo y haga su cambio de nuevo.</translation>
    </message>
</context>
<context>
    <name>PracticeAdmin</name>
    <message>
        <source>There is no location with the code {code}.</source>
        <translation>No hay ninguna sede con el código {code}.</translation>
    </message>
    <message>
        <source>The location code {code} is already in use.</source>
        <translation>El código de sede {code} ya está en uso.</translation>
    </message>
    <message>
        <source>There is no closure number {number} (it may have been removed).</source>
        <translation>No hay ningún cierre número {number} (puede que se haya eliminado).</translation>
    </message>
    <message>
        <source>There is no appointment type with the code {code}.</source>
        <translation>No hay ningún tipo de cita con el código {code}.</translation>
    </message>
    <message>
        <source>The appointment type code {code} is already in use.</source>
        <translation>El código de tipo de cita {code} ya está en uso.</translation>
    </message>
    <message>
        <source>The code of an appointment type cannot be changed.</source>
        <translation>El código de un tipo de cita no se puede cambiar.</translation>
    </message>
</context>
<context>
    <name>PracticeRules</name>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>day {number}</source>
        <translation>día {number}</translation>
    </message>
    <message>
        <source>{start:%H:%M}–{end:%H:%M}</source>
        <translation>{start:%H:%M}–{end:%H:%M}</translation>
    </message>
    <message>
        <source>Enter a short code for the {what}.</source>
        <translation>Escriba un código corto para {what}.</translation>
    </message>
    <message>
        <source>The {what} code {code} may use only letters, digits, &apos;-&apos; and &apos;_&apos;, at most 16 characters.</source>
        <translation>El código {code} ({what}) solo puede usar letras, dígitos, &apos;-&apos; y &apos;_&apos;, como máximo 16 caracteres.</translation>
    </message>
    <message>
        <source>Enter the {label}.</source>
        <translation>Escriba {label}.</translation>
    </message>
    <message>
        <source>The {label} is too long (at most {limit} characters).</source>
        <translation>Texto demasiado largo en {label} (como máximo {limit} caracteres).</translation>
    </message>
    <message>
        <source>{name} is not a known time zone; use a name such as &apos;America/New_York&apos;.</source>
        <translation>{name} no es una zona horaria conocida; use un nombre como &apos;America/New_York&apos;.</translation>
    </message>
    <message>
        <source>The weekday must be 0 (Monday) to 6 (Sunday), not {weekday}.</source>
        <translation>El día de la semana debe ser de 0 (lunes) a 6 (domingo), no {weekday}.</translation>
    </message>
    <message>
        <source>{day}: closing time {closes:%H:%M} must be after opening time {opens:%H:%M}.</source>
        <translation>El {day}, la hora de cierre {closes:%H:%M} debe ser posterior a la hora de apertura {opens:%H:%M}</translation>
    </message>
    <message>
        <source>The last day {last:%Y-%m-%d} is before the first day {first:%Y-%m-%d}.</source>
        <translation>El último día {last:%Y-%m-%d} es anterior al primer día {first:%Y-%m-%d}.</translation>
    </message>
    <message>
        <source>A closure may last at most {limit} days; {first:%Y-%m-%d} to {last:%Y-%m-%d} is longer.</source>
        <translation>Un cierre puede durar como máximo {limit} días; del {first:%Y-%m-%d} al {last:%Y-%m-%d} es más largo.</translation>
    </message>
    <message>
        <source>The end {end:%Y-%m-%d} is before the start {start:%Y-%m-%d}.</source>
        <translation>El final {end:%Y-%m-%d} es anterior al inicio {start:%Y-%m-%d}.</translation>
    </message>
    <message>
        <source>Choose a range of at most {limit} days.</source>
        <translation>Elija un intervalo de como máximo {limit} días.</translation>
    </message>
    <message>
        <source>The length must be {least} to {most} minutes in steps of {step}, not {minutes}.</source>
        <translation>La duración debe ser de {least} a {most} minutos en pasos de {step}, no {minutes}.</translation>
    </message>
    <message>
        <source>The buffer must be 0 to {most} minutes, not {minutes}.</source>
        <translation>El margen debe ser de 0 a {most} minutos, no {minutes}.</translation>
    </message>
    <message>
        <source>The end {end:%H:%M} must be after the start {start:%H:%M}.</source>
        <translation>El final {end:%H:%M} debe ser posterior al inicio {start:%H:%M}</translation>
    </message>
    <message>
        <source>The last effective day {last:%Y-%m-%d} is before the first {first:%Y-%m-%d}.</source>
        <translation>El último día de vigencia {last:%Y-%m-%d} es anterior al primero {first:%Y-%m-%d}.</translation>
    </message>
    <message>
        <source>{day}: {location} is closed on {day}s.</source>
        <translation>{location} no abre los días {day}.</translation>
    </message>
    <message>
        <source>{day}: {span} starts before {location} opens at {opens:%H:%M}.</source>
        <translation>El {day}, {span} empieza antes de que {location} abra a las {opens:%H:%M}</translation>
    </message>
    <message>
        <source>{day}: {span} ends after {location} closes at {closes:%H:%M}.</source>
        <translation>El {day}, {span} termina después de que {location} cierre a las {closes:%H:%M}</translation>
    </message>
    <message>
        <source>{day}: {span} overlaps this therapist&apos;s {other} at {location} (from {first:%Y-%m-%d}).</source>
        <translation>El {day}, {span} coincide con el horario {other} de este terapeuta en {location} (desde el {first:%Y-%m-%d}).</translation>
    </message>
    <message>
        <source>{day}: {span} overlaps this therapist&apos;s {other} at {location} (from {first:%Y-%m-%d} to {last:%Y-%m-%d}).</source>
        <translation>El {day}, {span} coincide con el horario {other} de este terapeuta en {location} (del {first:%Y-%m-%d} al {last:%Y-%m-%d}).</translation>
    </message>
    <message>
        <source>Give the time with its time zone (a time without one is ambiguous).</source>
        <translation>Indique la hora con su zona horaria (una hora sin ella es ambigua).</translation>
    </message>
    <message>
        <source>The end of the time off must be after its start.</source>
        <translation>El final de la ausencia debe ser posterior a su inicio.</translation>
    </message>
    <message>
        <source>location&apos;s name</source>
        <translation>el nombre de la sede</translation>
    </message>
    <message>
        <source>address</source>
        <translation>la dirección</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>el número de teléfono</translation>
    </message>
    <message>
        <source>location</source>
        <translation>la sede</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>el motivo</translation>
    </message>
    <message>
        <source>appointment type</source>
        <translation>el tipo de cita</translation>
    </message>
    <message>
        <source>name</source>
        <translation>el nombre</translation>
    </message>
    <message>
        <source>therapist&apos;s name</source>
        <translation>el nombre del terapeuta</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>las credenciales</translation>
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
    <name>RecordForm</name>
    <message>
        <source>Record status</source>
        <translation>Estado del expediente</translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation>Guardar cambios (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the record</source>
        <translation>Guardar el expediente</translation>
    </message>
    <message>
        <source>Not saved: some fields need attention (see beside them).</source>
        <translation>No se guardó: algunos campos requieren atención (vea junto a ellos).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>Guardado a las {time}.</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>No se guardó: {message}</translation>
    </message>
    <message>
        <source>Changed on another computer meanwhile: reading its version…</source>
        <translation>Se modificó en otro equipo mientras tanto: leyendo esa versión…</translation>
    </message>
    <message>
        <source>Not saved yet: choose a value for each field below.</source>
        <translation>Todavía no se guardó: elija un valor para cada campo de abajo.</translation>
    </message>
    <message>
        <source>Not saved. Your typing is as you left it; saving compares again.</source>
        <translation>No se guardó. Lo que escribió sigue como lo dejó; al guardar se vuelve a comparar.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
</context>
<context>
    <name>RecordLists</name>
    <message>
        <source>Handed to the tablet, not started yet</source>
        <translation>Entregado a la tableta, aún sin empezar</translation>
    </message>
    <message>
        <source>From tablet · Enter: check it with the patient</source>
        <translation>Desde la tableta · Intro: revisarlo con el paciente</translation>
    </message>
    <message>
        <source>Enter: continue it in the Intake area</source>
        <translation>Intro: continuarla en el área de admisión</translation>
    </message>
    <message>
        <source>Reviewed {when}</source>
        <translation>Revisada {when}</translation>
    </message>
    <message>
        <source>Sent {when}</source>
        <translation>Enviada {when}</translation>
    </message>
    <message>
        <source>Upcoming ({count})</source>
        <translation>Próximas ({count})</translation>
    </message>
    <message>
        <source>Past and cancelled ({count})</source>
        <translation>Pasadas y canceladas ({count})</translation>
    </message>
    <message>
        <source>⚠ Late cancellation</source>
        <translation>⚠ Cancelación tardía</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>✖ No-show</source>
        <translation>✖ No se presentó</translation>
    </message>
    <message>
        <source>Booked · ⚑ intake to review</source>
        <translation>Reservada · ⚑ admisión por revisar</translation>
    </message>
    <message>
        <source> by the patient</source>
        <translation> por el paciente</translation>
    </message>
    <message>
        <source> by the clinic</source>
        <translation> por la clínica</translation>
    </message>
    <message>
        <source>Any visit</source>
        <translation>Cualquier visita</translation>
    </message>
    <message>
        <source>{count} location</source>
        <translation>{count} sede</translation>
    </message>
    <message>
        <source>{count} locations</source>
        <translation>{count} sedes</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>desde el {date}</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier momento</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abrió</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creó</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificó</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportó</translation>
    </message>
    <message>
        <source>{who} at {where}</source>
        <translation>{who} en {where}</translation>
    </message>
    <message>
        <source>the program</source>
        <translation>el programa</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Back to search (Ctrl+F)</source>
        <translation>Volver a buscar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Back to the patient search</source>
        <translation>Volver a la búsqueda de pacientes</translation>
    </message>
    <message>
        <source>Patients status</source>
        <translation>Estado de pacientes</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionar con…</translation>
    </message>
    <message>
        <source>Merge this record into another record</source>
        <translation>Fusionar este expediente con otro</translation>
    </message>
    <message>
        <source>This record is a duplicate: move its intakes, visits and waitlist entries to the record that stays, choosing each differing value</source>
        <translation>Este expediente es un duplicado: traslade sus admisiones, visitas y entradas en la lista de espera al expediente que se conserva, eligiendo cada valor distinto</translation>
    </message>
    <message>
        <source>Book a course of visits…</source>
        <translation>Serie de citas…</translation>
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
        <source>Opening the patient record…</source>
        <translation>Abriendo el expediente del paciente…</translation>
    </message>
    <message>
        <source>Record {record} was merged into this record.</source>
        <translation>El expediente {record} se fusionó con este expediente.</translation>
    </message>
    <message>
        <source>Could not open the record: {message}</source>
        <translation>No se pudo abrir el expediente: {message}</translation>
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
    <name>RecordView</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Visits at a glance</source>
        <translation>Resumen de visitas</translation>
    </message>
    <message>
        <source>Note for the desk</source>
        <translation>Nota para recepción</translation>
    </message>
    <message>
        <source>Start intake</source>
        <translation>Iniciar admisión</translation>
    </message>
    <message>
        <source>Start a new intake for this patient</source>
        <translation>Iniciar una admisión nueva para este paciente</translation>
    </message>
    <message>
        <source>Start self-intake on tablet…</source>
        <translation>Iniciar autoadmisión en la tableta…</translation>
    </message>
    <message>
        <source>Hand the waiting-room tablet to this patient</source>
        <translation>Entregar la tableta de la sala de espera a este paciente</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tableta</translation>
    </message>
    <message>
        <source>Intakes</source>
        <translation>Admisiones</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triaje</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>With · where</source>
        <translation>Con · dónde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Waitlist entries</source>
        <translation>Entradas en la lista de espera</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadida</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Add to waitlist…</source>
        <translation>Añadir a la lista de espera…</translation>
    </message>
    <message>
        <source>Put this patient on the waitlist</source>
        <translation>Poner a este paciente en la lista de espera</translation>
    </message>
    <message>
        <source>Record history</source>
        <translation>Historial del expediente</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>No intakes yet.</source>
        <translation>Todavía no hay admisiones.</translation>
    </message>
    <message>
        <source>No appointments yet.</source>
        <translation>Todavía no hay citas.</translation>
    </message>
    <message>
        <source>Not on the waitlist.</source>
        <translation>No está en la lista de espera.</translation>
    </message>
    <message>
        <source>The record&apos;s history is shown to admins.</source>
        <translation>El historial del expediente se muestra a los administradores.</translation>
    </message>
    <message>
        <source>No history.</source>
        <translation>Sin historial.</translation>
    </message>
    <message>
        <source>Older events are in the audit trail (Admin area).</source>
        <translation>Los eventos anteriores están en el registro de auditoría (área de administración).</translation>
    </message>
    <message>
        <source>&amp;Intakes ({count})</source>
        <translation>&amp;Admisiones ({count})</translation>
    </message>
    <message>
        <source>A&amp;ppointments ({count})</source>
        <translation>&amp;Citas ({count})</translation>
    </message>
    <message>
        <source>&amp;Waitlist ({count})</source>
        <translation>&amp;Lista de espera ({count})</translation>
    </message>
    <message>
        <source>born {date} (age {age}) · </source>
        <translation>nació el {date} ({age} años) · </translation>
    </message>
    <message>
        <source>Record no. {record}</source>
        <translation>N.º de expediente {record}</translation>
    </message>
    <message>
        <source>{count} upcoming</source>
        <translation>{count} próximas</translation>
    </message>
    <message>
        <source>{count} completed</source>
        <translation>{count} completadas</translation>
    </message>
    <message>
        <source>{count} no-show</source>
        <translation>{count} ausencia</translation>
    </message>
    <message>
        <source>{count} no-shows</source>
        <translation>{count} ausencias</translation>
    </message>
    <message>
        <source>{count} late cancellation</source>
        <translation>{count} cancelación tardía</translation>
    </message>
    <message>
        <source>{count} late cancellations</source>
        <translation>{count} cancelaciones tardías</translation>
    </message>
    <message>
        <source>cancelled: {patient} by the patient, {clinic} by the clinic</source>
        <translation>canceladas: {patient} por el paciente, {clinic} por la clínica</translation>
    </message>
    <message>
        <source>Added {when} · {visit} · {status} · {wishes}</source>
        <translation>Añadida {when} · {visit} · {status} · {wishes}</translation>
    </message>
    <message>
        <source>any visit</source>
        <translation>cualquier visita</translation>
    </message>
    <message>
        <source>The tablet shows “Ready for” this patient for {minutes} minutes: hand it over. Their answers come back as a draft marked “from tablet”.</source>
        <translation>La tableta muestra «Listo para» este paciente durante {minutes} minutos: entréguesela. Sus respuestas vuelven como borrador marcado «desde la tableta».</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>&amp;Intakes</source>
        <translation>&amp;Admisiones</translation>
    </message>
    <message>
        <source>A&amp;ppointments</source>
        <translation>&amp;Citas</translation>
    </message>
    <message>
        <source>&amp;Waitlist</source>
        <translation>&amp;Lista de espera</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;Historial</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>{level} so far</source>
        <translation>{level} por ahora</translation>
    </message>
    <message>
        <source>Record no. {number}</source>
        <translation>Expediente n.º {number}</translation>
    </message>
    <message>
        <source>No patient chosen yet</source>
        <translation>Aún no se eligió paciente</translation>
    </message>
    <message>
        <source>{level} · {who} · {count} answers · saved {when}</source>
        <translation>{level} · {who} · respuestas: {count} · guardada {when}</translation>
    </message>
    <message>
        <source> · from tablet</source>
        <translation> · desde la tableta</translation>
    </message>
    <message>
        <source> – only on this computer</source>
        <translation> – solo en esta computadora</translation>
    </message>
    <message>
        <source> · finished on the tablet</source>
        <translation> · terminado en la tableta</translation>
    </message>
    <message>
        <source> · not finished (still on the tablet?)</source>
        <translation> · sin terminar (¿sigue con la tableta?)</translation>
    </message>
    <message>
        <source>No name typed yet</source>
        <translation>Aún sin nombre</translation>
    </message>
    <message>
        <source>Registration of {who} · saved {when}</source>
        <translation>Registro de {who} · guardado {when}</translation>
    </message>
    <message>
        <source>Unfinished work from the last session</source>
        <translation>Trabajo sin terminar de la última sesión</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Leave it in the list of unfinished work</source>
        <translation>Dejarlo en la lista de trabajo sin terminar</translation>
    </message>
    <message>
        <source> (More in the list below: {count}.)</source>
        <translation> (Más en la lista de abajo: {count}.)</translation>
    </message>
    <message>
        <source>Restore the unfinished registration?</source>
        <translation>¿Recuperar el registro sin terminar?</translation>
    </message>
    <message>
        <source>Restore registration</source>
        <translation>Recuperar registro</translation>
    </message>
    <message>
        <source>Continue the unfinished intake?</source>
        <translation>¿Continuar la admisión sin terminar?</translation>
    </message>
    <message>
        <source>Continue intake</source>
        <translation>Continuar admisión</translation>
    </message>
    <message>
        <source>Unfinished work</source>
        <translation>Trabajo sin terminar</translation>
    </message>
    <message>
        <source>Unfinished intakes and registrations (Enter continues one)</source>
        <translation>Admisiones y registros sin terminar (Intro continúa uno)</translation>
    </message>
    <message>
        <source>Continue this one</source>
        <translation>Continuar esta</translation>
    </message>
    <message>
        <source>Continue the selected unfinished intake</source>
        <translation>Continuar la admisión sin terminar seleccionada</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <source>Discard the selected unfinished intake</source>
        <translation>Descartar la admisión sin terminar seleccionada</translation>
    </message>
    <message>
        <source>Give up this draft, with a reason (kept and audited)</source>
        <translation>Abandonar este borrador, indicando el motivo (se conserva y se audita)</translation>
    </message>
    <message>
        <source>Why is this draft discarded?</source>
        <translation>¿Por qué se descarta este borrador?</translation>
    </message>
    <message>
        <source>Why discard it? (for example: entered twice)</source>
        <translation>¿Por qué descartarlo? (por ejemplo: se ingresó dos veces)</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Descartar borrador</translation>
    </message>
    <message>
        <source>Discard the draft with this reason</source>
        <translation>Descartar el borrador con este motivo</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Conservar el borrador</translation>
    </message>
    <message>
        <source>Unfinished work status</source>
        <translation>Estado del trabajo sin terminar</translation>
    </message>
    <message>
        <source>Unfinished work ({count})</source>
        <translation>Trabajo sin terminar ({count})</translation>
    </message>
    <message>
        <source>No unfinished work</source>
        <translation>No hay trabajo sin terminar</translation>
    </message>
    <message>
        <source>Choose an unfinished intake to discard.</source>
        <translation>Elija una admisión sin terminar para descartar.</translation>
    </message>
    <message>
        <source>Discarding…</source>
        <translation>Descartando…</translation>
    </message>
</context>
<context>
    <name>ReturnedList</name>
    <message>
        <source>Returned by a therapist</source>
        <translation>Devueltas por un fisioterapeuta</translation>
    </message>
    <message>
        <source>Intakes returned by a therapist (Enter opens one)</source>
        <translation>Admisiones devueltas por un fisioterapeuta (Intro abre una)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Reload the returned intakes</source>
        <translation>Recargar las admisiones devueltas</translation>
    </message>
    <message>
        <source>Returned intakes status</source>
        <translation>Estado de las admisiones devueltas</translation>
    </message>
    <message>
        <source>Returned by a therapist ({count})</source>
        <translation>Devueltas por un fisioterapeuta ({count})</translation>
    </message>
    <message>
        <source>No intakes are waiting for the front desk.</source>
        <translation>No hay admisiones pendientes para recepción.</translation>
    </message>
    <message>
        <source>Next visit: {when} at {location}</source>
        <translation>Próxima cita: {when} en {location}</translation>
    </message>
    <message>
        <source>No upcoming visit</source>
        <translation>Sin próxima cita</translation>
    </message>
    <message>
        <source>RETURNED · {patient}
“{note}”
by {who}, {when} · {next}</source>
        <translation>DEVUELTA · {patient}
“{note}”
por {who}, {when} · {next}</translation>
    </message>
    <message>
        <source>no patient</source>
        <translation>sin paciente</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>EMERGENCY</source>
        <translation>EMERGENCIA</translation>
    </message>
    <message>
        <source>REFER</source>
        <translation>DERIVAR</translation>
    </message>
    <message>
        <source>REVIEW</source>
        <translation>REVISAR</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>SIN ALERTAS</translation>
    </message>
    <message>
        <source>NOT SCREENED</source>
        <translation>SIN EVALUAR</translation>
    </message>
    <message>
        <source>Emergency signs: the patient should not have been booked; act now.</source>
        <translation>Signos de emergencia: no se debió dar cita al paciente; actúe ahora.</translation>
    </message>
    <message>
        <source>Refer: medical clearance is needed before physical therapy.</source>
        <translation>Derivar: se necesita autorización médica antes de la fisioterapia.</translation>
    </message>
    <message>
        <source>Review: a therapist reviews the intake (and usually calls) before the visit.</source>
        <translation>Revisar: un fisioterapeuta revisa la admisión (y normalmente llama) antes de la cita.</translation>
    </message>
    <message>
        <source>Clear: no warning signs; notes and precautions below.</source>
        <translation>Sin alertas: no hay señales de alarma; notas y precauciones abajo.</translation>
    </message>
    <message>
        <source>This intake has no stored screening result.</source>
        <translation>Esta admisión no tiene un resultado de evaluación de riesgos guardado.</translation>
    </message>
    <message>
        <source>Ia – headache brought on by neck movement or sustained posture</source>
        <translation>Ia – cefalea provocada por el movimiento del cuello o una postura mantenida</translation>
    </message>
    <message>
        <source>Ib – neck movement limited</source>
        <translation>Ib – movimiento del cuello limitado</translation>
    </message>
    <message>
        <source>Ic – neck, shoulder or arm pain on the headache side</source>
        <translation>Ic – dolor de cuello, hombro o brazo del lado de la cefalea</translation>
    </message>
    <message>
        <source>III – one-sided headache without side shift</source>
        <translation>III – cefalea de un solo lado que no cambia de lado</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>aguda</translation>
    </message>
    <message>
        <source>subacute</source>
        <translation>subaguda</translation>
    </message>
    <message>
        <source>chronic</source>
        <translation>crónica</translation>
    </message>
    <message>
        <source>no disability</source>
        <translation>sin discapacidad</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>completa</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>registrada a la llegada</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>realizada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>no show</source>
        <translation>no se presentó</translation>
    </message>
    <message>
        <source>female</source>
        <translation>femenino</translation>
    </message>
    <message>
        <source>male</source>
        <translation>masculino</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>NOTA</translation>
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
        <source>Questions were asked in {language}.</source>
        <translation>Las preguntas se hicieron en {language}.</translation>
    </message>
    <message>
        <source>Someone else signed this intake off or changed it while you were reviewing it; nothing was overwritten. It is shown again as it is now; your note is kept.</source>
        <translation>Otra persona firmó o cambió esta admisión mientras usted la revisaba; no se sobrescribió nada. Se muestra de nuevo tal como está ahora; su nota se conserva.</translation>
    </message>
    <message>
        <source>The appointment was cancelled or deleted while the review was open; nothing was signed. The intake is shown again without it; your note is kept.</source>
        <translation>La cita se canceló o se eliminó mientras la revisión estaba abierta; no se firmó nada. La admisión se muestra de nuevo sin ella; su nota se conserva.</translation>
    </message>
    <message>
        <source>The appointment was changed (moved or edited) while the review was open; nothing was signed. It is shown again as it is now; your note is kept.</source>
        <translation>La cita se cambió (se movió o se editó) mientras la revisión estaba abierta; no se firmó nada. Se muestra de nuevo tal como está ahora; su nota se conserva.</translation>
    </message>
    <message>
        <source>None shown: no screening result is stored.</source>
        <translation>No se muestra ninguna: no hay ningún resultado de la evaluación de riesgos guardado.</translation>
    </message>
    <message>
        <source>There is no intake with id {id}; it may have been deleted.</source>
        <translation>No hay ninguna admisión con el id {id}; puede que se haya eliminado.</translation>
    </message>
    <message>
        <source>None shown: the interventions file is refused ({why}).</source>
        <translation>No se muestra ninguna: el archivo de intervenciones fue rechazado ({why}).</translation>
    </message>
    <message>
        <source>The database cannot be reached right now; nothing was signed or changed. Your note is kept on the screen: try again when the connection is back.</source>
        <translation>No se puede conectar con la base de datos en este momento; no se firmó ni se cambió nada. Su nota se conserva en la pantalla: vuelva a intentarlo cuando vuelva la conexión.</translation>
    </message>
</context>
<context>
    <name>ReviewAnswers</name>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No aplica</translation>
    </message>
</context>
<context>
    <name>ReviewPacket</name>
    <message>
        <source>Intake review packet</source>
        <translation>Informe de revisión de la admisión</translation>
    </message>
    <message>
        <source>Screened with checklist {checklist} version {version}</source>
        <translation>Evaluado con la lista {checklist}, versión {version}</translation>
    </message>
    <message>
        <source> (an older version; version {version} is in force now)</source>
        <translation> (una versión anterior; ahora rige la versión {version})</translation>
    </message>
    <message>
        <source>. Engine {engine}. Provisional screening for the therapist, not a diagnosis.</source>
        <translation>. Motor {engine}. Evaluación de riesgos provisional para el fisioterapeuta, no es un diagnóstico.</translation>
    </message>
    <message>
        <source>MRN {mrn} · born {date} (age {age}) · {sex}</source>
        <translation>N.º de expediente {mrn} · fecha de nacimiento {date} (edad: {age}) · {sex}</translation>
    </message>
    <message>
        <source>No patient chosen</source>
        <translation>No se eligió paciente</translation>
    </message>
    <message>
        <source>{visit}: {start}–{end} at {location} with {therapist} ({state})</source>
        <translation>{visit}: {start}–{end} en {location} con {therapist} ({state})</translation>
    </message>
    <message>
        <source>No upcoming appointment (cancelled, deleted or not booked).</source>
        <translation>Sin próxima cita (cancelada, eliminada o no programada).</translation>
    </message>
    <message>
        <source>Reviewed by {who}, {when}</source>
        <translation>Revisada por {who}, {when}</translation>
    </message>
    <message>
        <source>Returned to the front desk by {who}, {when}: {note}</source>
        <translation>Devuelta a recepción por {who}, {when}: {note}</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Aún sin revisar</translation>
    </message>
    <message>
        <source>Appointment:</source>
        <translation>Cita:</translation>
    </message>
    <message>
        <source>Sign-off:</source>
        <translation>Visto bueno:</translation>
    </message>
    <message>
        <source>TRIAGE: {level}</source>
        <translation>TRIAJE: {level}</translation>
    </message>
    <message>
        <source>No warning signs or notes.</source>
        <translation>No hay señales de alarma ni notas.</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>Warning signs and notes ({count})</source>
        <translation>Señales de alarma y notas ({count})</translation>
    </message>
    <message>
        <source>findings: {questions}</source>
        <translation>hallazgos: {questions}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{raw}/50 ({percent} %), {band}, {answered}/10 sections answered</source>
        <translation>{raw}/50 ({percent} %), {band}, {answered}/10 secciones respondidas</translation>
    </message>
    <message>
        <source>not scored (more than 2 sections skipped)</source>
        <translation>sin puntuar (más de 2 secciones omitidas)</translation>
    </message>
    <message>
        <source>No category.</source>
        <translation>Sin categoría.</translation>
    </message>
    <message>
        <source>MET</source>
        <translation>SE CUMPLEN</translation>
    </message>
    <message>
        <source>NOT MET</source>
        <translation>NO SE CUMPLEN</translation>
    </message>
    <message>
        <source>present: {criteria}</source>
        <translation>presentes: {criteria}</translation>
    </message>
    <message>
        <source>Neck Disability Index: &lt;b&gt;{ndi}&lt;/b&gt;&lt;br/&gt;Pain (0–10): now &lt;b&gt;{now}&lt;/b&gt;, best &lt;b&gt;{best}&lt;/b&gt;, worst &lt;b&gt;{worst}&lt;/b&gt;</source>
        <translation>Índice de Discapacidad Cervical: &lt;b&gt;{ndi}&lt;/b&gt;&lt;br/&gt;Dolor (0–10): actual &lt;b&gt;{now}&lt;/b&gt;, mínimo &lt;b&gt;{best}&lt;/b&gt;, máximo &lt;b&gt;{worst}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Provisional category and stage</source>
        <translation>Categoría provisional y etapa</translation>
    </message>
    <message>
        <source>Stage: &lt;b&gt;{stage}&lt;/b&gt;</source>
        <translation>Etapa: &lt;b&gt;{stage}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cervicogenic headache criteria</source>
        <translation>Criterios de cefalea cervicogénica</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>Marked: {regions}</source>
        <translation>Marcadas: {regions}</translation>
    </message>
    <message>
        <source>Pain picture</source>
        <translation>Mapa del dolor</translation>
    </message>
    <message>
        <source>Answered no: {questions}</source>
        <translation>Respondió que no: {questions}</translation>
    </message>
    <message>
        <source>{section} (positive: {count})</source>
        <translation>{section} (positivas: {count})</translation>
    </message>
    <message>
        <source>Answers by section (positives first, in bold)</source>
        <translation>Respuestas por sección (positivas primero, en negrita)</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Triage</source>
        <translation>Triaje</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Alarmas</translation>
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
        <source>Visit</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Returned to front desk</source>
        <translation>Devuelta a recepción</translation>
    </message>
    <message>
        <source>Reviewed ✓</source>
        <translation>Revisada ✓</translation>
    </message>
    <message>
        <source>Open with Enter or a double click</source>
        <translation>Abra con Intro o con doble clic</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>All therapists</source>
        <translation>Todos los fisioterapeutas</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Todas las sedes</translation>
    </message>
    <message>
        <source>Evaluations: {count}, to review: {waiting}</source>
        <translation>Evaluaciones: {count}, por revisar: {waiting}</translation>
    </message>
    <message>
        <source>No evaluations with an intake in this range.</source>
        <translation>No hay evaluaciones con admisión en este período.</translation>
    </message>
    <message>
        <source>Intakes to review</source>
        <translation>Admisiones por revisar</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha desde</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>Fecha hasta (incluida)</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>Recargar (F5)</translation>
    </message>
    <message>
        <source>Reload the queue</source>
        <translation>Recargar la cola</translation>
    </message>
    <message>
        <source>Reload the queue (F5)</source>
        <translation>Recargar la cola (F5)</translation>
    </message>
    <message>
        <source>&amp;Therapist</source>
        <translation>&amp;Fisioterapeuta</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Sede</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Upcoming evaluations with intakes</source>
        <translation>Próximas evaluaciones con admisión</translation>
    </message>
    <message>
        <source>Columns: {columns}. Enter opens the intake.</source>
        <translation>Columnas: {columns}. Intro abre la admisión.</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>Estado de la cola</translation>
    </message>
    <message>
        <source>Closed as referral, not seen by a clinician yet (Enter opens one)</source>
        <translation>Cerradas como derivación, aún no vistas por un clínico (Intro abre una)</translation>
    </message>
    <message>
        <source>Open with Enter or a double click; mark it reviewed once acted on</source>
        <translation>Abra con Intro o con doble clic; márquela como revisada una vez atendida</translation>
    </message>
    <message>
        <source>Closed as referral – tell the clinician on duty ({count})</source>
        <translation>Cerradas como derivación – avise al clínico de turno ({count})</translation>
    </message>
    <message>
        <source>{closed} · {patient} · warning signs: {count}
by {who}, {when}</source>
        <translation>{closed} · {patient} · señales de alarma: {count}
por {who}, {when}</translation>
    </message>
    <message>
        <source>no patient chosen</source>
        <translation>no se eligió paciente</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Save the review packet as PDF</source>
        <translation>Guardar el informe de revisión como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Opening the intake…</source>
        <translation>Abriendo la admisión…</translation>
    </message>
    <message>
        <source>Write a note for the front desk first (what should they do?).</source>
        <translation>Escriba primero una nota para recepción (¿qué deben hacer?).</translation>
    </message>
    <message>
        <source>Signing off…</source>
        <translation>Dando el visto bueno…</translation>
    </message>
    <message>
        <source>Returned. Saved for everyone.</source>
        <translation>Devuelta. Guardado para todos.</translation>
    </message>
    <message>
        <source>Intake returned.</source>
        <translation>Admisión devuelta.</translation>
    </message>
    <message>
        <source>Reviewed. Saved for everyone.</source>
        <translation>Revisada. Guardado para todos.</translation>
    </message>
    <message>
        <source>Intake reviewed.</source>
        <translation>Admisión revisada.</translation>
    </message>
    <message>
        <source>The PDF could not be written: {reason}.</source>
        <translation>No se pudo escribir el PDF: {reason}.</translation>
    </message>
    <message>
        <source>Saved the packet as {path}</source>
        <translation>Informe guardado como {path}</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}.</source>
        <translation>No se pudo escribir el PDF en {path}.</translation>
    </message>
    <message>
        <source>FHIR export saved: {path}</source>
        <translation>Exportación FHIR guardada: {path}</translation>
    </message>
    <message>
        <source>No file manager could open {folder}.</source>
        <translation>Ningún explorador de archivos pudo abrir {folder}.</translation>
    </message>
    <message>
        <source>Sent the packet to the printer.</source>
        <translation>Informe enviado a la impresora.</translation>
    </message>
    <message>
        <source>{age} y · {sex} · born {date}</source>
        <translation>{age} años · {sex} · fecha de nacimiento {date}</translation>
    </message>
    <message>
        <source>No patient chosen on this intake</source>
        <translation>No se eligió paciente en esta admisión</translation>
    </message>
    <message>
        <source>&lt;b&gt;No upcoming appointment&lt;/b&gt;: it was cancelled or deleted, or none is booked.</source>
        <translation>&lt;b&gt;Sin próxima cita&lt;/b&gt;: se canceló o se eliminó, o no hay ninguna programada.</translation>
    </message>
    <message>
        <source>Patient: {text}</source>
        <translation>Paciente: {text}</translation>
    </message>
    <message>
        <source>Appointment: {text}</source>
        <translation>Cita: {text}</translation>
    </message>
    <message>
        <source>TRIAGE: {level}</source>
        <translation>TRIAJE: {level}</translation>
    </message>
    <message>
        <source>Triage {level}. {meaning}</source>
        <translation>Triaje {level}. {meaning}</translation>
    </message>
    <message>
        <source>Warning signs and notes ({count})</source>
        <translation>Señales de alarma y notas ({count})</translation>
    </message>
    <message>
        <source>No warning signs or notes.</source>
        <translation>No hay señales de alarma ni notas.</translation>
    </message>
    <message>
        <source>No screening result is stored with this intake.</source>
        <translation>Esta admisión no tiene guardado un resultado de evaluación de riesgos.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Marked: {regions}</source>
        <translation>Marcadas: {regions}</translation>
    </message>
    <message>
        <source>Marked regions: {regions}</source>
        <translation>Zonas marcadas: {regions}</translation>
    </message>
    <message>
        <source> – &lt;b&gt;an older version&lt;/b&gt;; version {version} is in force now</source>
        <translation> – &lt;b&gt;una versión anterior&lt;/b&gt;; ahora rige la versión {version}</translation>
    </message>
    <message>
        <source> (the version in force)</source>
        <translation> (la versión vigente)</translation>
    </message>
    <message>
        <source>Screened with {checklist}, version {version}</source>
        <translation>Evaluado con {checklist}, versión {version}</translation>
    </message>
    <message>
        <source>{section} – positive: {count}</source>
        <translation>{section} – positivas: {count}</translation>
    </message>
    <message>
        <source>No answers are stored.</source>
        <translation>No hay respuestas guardadas.</translation>
    </message>
    <message>
        <source>⚠ {closed} by {who}, {when}</source>
        <translation>⚠ {closed} por {who}, {when}</translation>
    </message>
    <message>
        <source> · ✓ seen by {who}, {when}</source>
        <translation> · ✓ vista por {who}, {when}</translation>
    </message>
    <message>
        <source> · not seen by a clinician yet</source>
        <translation> · aún no la ha visto un clínico</translation>
    </message>
    <message>
        <source>✓ Reviewed by {who}, {when}</source>
        <translation>✓ Revisada por {who}, {when}</translation>
    </message>
    <message>
        <source>↩ Returned to the front desk by {who}, {when}: “{note}”</source>
        <translation>↩ Devuelta a recepción por {who}, {when}: “{note}”</translation>
    </message>
    <message>
        <source>○ Not reviewed yet</source>
        <translation>○ Aún sin revisar</translation>
    </message>
    <message>
        <source>◀ Back to the queue (Esc)</source>
        <translation>◀ Volver a la cola (Esc)</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Volver a la cola</translation>
    </message>
    <message>
        <source>Back to the queue (Esc)</source>
        <translation>Volver a la cola (Esc)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Triage meaning</source>
        <translation>Significado del triaje</translation>
    </message>
    <message>
        <source>Warning signs and notes</source>
        <translation>Señales de alarma y notas</translation>
    </message>
    <message>
        <source>Category, stage, cervicogenic criteria and scores</source>
        <translation>Categoría, etapa, criterios cervicogénicos y puntuaciones</translation>
    </message>
    <message>
        <source>Pain picture (as marked at the intake)</source>
        <translation>Mapa del dolor (como se marcó en la admisión)</translation>
    </message>
    <message>
        <source>Marked pain regions</source>
        <translation>Zonas de dolor marcadas</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>Versión de la lista</translation>
    </message>
    <message>
        <source>All answers (sections with positives first; ● = positive)</source>
        <translation>Todas las respuestas (primero las secciones con positivas; ● = positiva)</translation>
    </message>
    <message>
        <source>All answers by section</source>
        <translation>Todas las respuestas por sección</translation>
    </message>
    <message>
        <source>Sign-off state</source>
        <translation>Estado del visto bueno</translation>
    </message>
    <message>
        <source>Review messages</source>
        <translation>Mensajes de la revisión</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Show the saved PDF in its folder</source>
        <translation>Mostrar el PDF guardado en su carpeta</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the review packet</source>
        <translation>Imprimir el informe de revisión</translation>
    </message>
    <message>
        <source>Note for the front desk</source>
        <translation>Nota para recepción</translation>
    </message>
    <message>
        <source>Note for the front desk when returning (e.g. call the patient, refer to the physician, change the appointment type)</source>
        <translation>Nota para recepción al devolverla (p. ej., llamar al paciente, derivar al médico, cambiar el tipo de cita)</translation>
    </message>
    <message>
        <source>✓ Mark reviewed</source>
        <translation>✓ Marcar como revisada</translation>
    </message>
    <message>
        <source>Sign off as reviewed</source>
        <translation>Dar el visto bueno como revisada</translation>
    </message>
    <message>
        <source>↩ Return to front desk</source>
        <translation>↩ Devolver a recepción</translation>
    </message>
    <message>
        <source>Send back with the note</source>
        <translation>Devolver con la nota</translation>
    </message>
    <message>
        <source>A note holds at most {limit} characters.</source>
        <translation>Una nota admite como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>findings: {questions}</source>
        <translation>hallazgos: {questions}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{raw}/50&lt;/b&gt; ({percent} %) · &lt;b&gt;{band}&lt;/b&gt; · {answered}/10 sections answered</source>
        <translation>&lt;b&gt;{raw}/50&lt;/b&gt; ({percent} %) · &lt;b&gt;{band}&lt;/b&gt; · {answered}/10 secciones respondidas</translation>
    </message>
    <message>
        <source>not scored (more than 2 sections skipped)</source>
        <translation>sin puntuar (más de 2 secciones omitidas)</translation>
    </message>
    <message>
        <source>Cervicogenic headache criteria: ✓ MET</source>
        <translation>Criterios de cefalea cervicogénica: ✓ SE CUMPLEN</translation>
    </message>
    <message>
        <source>Cervicogenic headache criteria: ✗ NOT MET</source>
        <translation>Criterios de cefalea cervicogénica: ✗ NO SE CUMPLEN</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguna.</translation>
    </message>
    <message>
        <source>No criterion present.</source>
        <translation>Ningún criterio presente.</translation>
    </message>
    <message>
        <source>Provisional category</source>
        <translation>Categoría provisional</translation>
    </message>
    <message>
        <source>Stage: &lt;b&gt;{stage}&lt;/b&gt;</source>
        <translation>Etapa: &lt;b&gt;{stage}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>NDI: {ndi}&lt;br/&gt;Pain 0–10: now &lt;b&gt;{now}&lt;/b&gt; · best &lt;b&gt;{best}&lt;/b&gt; · worst &lt;b&gt;{worst}&lt;/b&gt;</source>
        <translation>NDI: {ndi}&lt;br/&gt;Dolor 0–10: actual &lt;b&gt;{now}&lt;/b&gt; · mínimo &lt;b&gt;{best}&lt;/b&gt; · máximo &lt;b&gt;{worst}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pain picture, read only</source>
        <translation>Mapa del dolor, solo lectura</translation>
    </message>
    <message>
        <source>The regions the patient marked (read only)</source>
        <translation>Las zonas que marcó el paciente (solo lectura)</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>{level}: {reason}. Source: {source}</source>
        <translation>{level}: {reason}. Fuente: {source}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Waiting-room tablet</source>
        <translation>Tableta de la sala de espera</translation>
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
        <source>{name} ({minutes} min)</source>
        <translation>{name} ({minutes} min)</translation>
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
    <name>ScheduleView</name>
    <message>
        <source>There is no open location with id {number}.</source>
        <translation>No existe ninguna sede abierta con el id {number}.</translation>
    </message>
    <message>
        <source>Show 1 to {most} days, not {days}.</source>
        <translation>Muestre de 1 a {most} días, no {days}.</translation>
    </message>
    <message>
        <source>There is no therapist with id {number}.</source>
        <translation>No existe ningún terapeuta con el id {number}.</translation>
    </message>
    <message>
        <source>Export as csv or ics, not {kind}.</source>
        <translation>Exporte como csv o ics, no {kind}.</translation>
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
    <name>Schema</name>
    <message>
        <source>Downgrading {database} would drop tables that hold data: {listed}. Nothing was changed. Make a backup first; to drop them anyway, repeat the command with --yes-destroy-all-data.</source>
        <translation>Bajar de versión {database} eliminaría tablas que contienen datos: {listed}. No se cambió nada. Haga primero una copia de seguridad; para eliminarlas de todos modos, repita el comando con --yes-destroy-all-data.</translation>
    </message>
    <message>
        <source>The database {database} is at revision {current}, which this program does not know; it cannot downgrade it. Nothing was changed.</source>
        <translation>La base de datos {database} está en la revisión {current}, que este programa no conoce; no puede bajarla de versión. No se cambió nada.</translation>
    </message>
    <message>
        <source>Unknown revision {revision}; known: {known} (or -N: N steps down). Nothing was changed.</source>
        <translation>Revisión desconocida {revision}; conocidas: {known} (o -N: N pasos hacia abajo). No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>ScreeningGate</name>
    <message>
        <source>The intake is not finished: submit it (Ctrl+Enter) before booking.</source>
        <translation>La admisión no está terminada: envíela (Ctrl+Enter) antes de reservar.</translation>
    </message>
    <message>
        <source>The intake is not finished: submit it (Ctrl+Enter) before booking — a therapist returned it to the front desk.</source>
        <translation>La admisión no está terminada: envíela (Ctrl+Enter) antes de reservar; un terapeuta la devolvió a la recepción.</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <source>STOP – EMERGENCY</source>
        <translation>ALTO – EMERGENCIA</translation>
    </message>
    <message>
        <source>Do not book. Tell the caller to call the emergency number or go to the emergency department now. Then tell the clinician on duty.</source>
        <translation>No programe la cita. Dígale a la persona que llama que llame ahora al número de emergencias o que vaya a urgencias. Después avise al clínico de turno.</translation>
    </message>
    <message>
        <source>REFER – do not book yet</source>
        <translation>DERIVAR – no programe la cita todavía</translation>
    </message>
    <message>
        <source>Do not book yet. The patient should see their physician or urgent care today. Book after medical clearance.</source>
        <translation>Todavía no programe la cita. El paciente debe ver hoy a su médico o ir a atención de urgencia. Programe la cita después de la autorización médica.</translation>
    </message>
    <message>
        <source>REVIEW – book, therapist reviews first</source>
        <translation>REVISAR – programe; el fisioterapeuta revisa primero</translation>
    </message>
    <message>
        <source>You may book. A therapist must review this intake (and usually call the patient) before the visit.</source>
        <translation>Puede programar la cita. Un fisioterapeuta debe revisar esta admisión (y normalmente llamar al paciente) antes de la cita.</translation>
    </message>
    <message>
        <source>CLEAR – book the evaluation</source>
        <translation>SIN ALERTAS – programe la evaluación inicial</translation>
    </message>
    <message>
        <source>No warning signs so far. Precautions below travel with the booking.</source>
        <translation>Hasta ahora no hay señales de alarma. Las precauciones de abajo acompañan a la cita.</translation>
    </message>
    <message>
        <source>INCOMPLETE – keep asking</source>
        <translation>INCOMPLETA – pregunte más</translation>
    </message>
    <message>
        <source>Some required questions are still unanswered; booking waits until they are.</source>
        <translation>Aún faltan preguntas obligatorias; la cita espera hasta que se respondan.</translation>
    </message>
    <message>
        <source>Screening result</source>
        <translation>Resultado de la evaluación de riesgos</translation>
    </message>
    <message>
        <source>Warning signs and notes</source>
        <translation>Señales de alarma y notas</translation>
    </message>
    <message>
        <source>Questions still needed (Enter jumps to one)</source>
        <translation>Preguntas que aún faltan (Intro lleva a una)</translation>
    </message>
    <message>
        <source>{level} ({count} to answer)</source>
        <translation>{level} (faltan {count})</translation>
    </message>
    <message>
        <source>Warning signs and notes ({count})</source>
        <translation>Señales de alarma y notas ({count})</translation>
    </message>
    <message>
        <source>None so far.</source>
        <translation>Ninguna por ahora.</translation>
    </message>
    <message>
        <source>Still needed ({count})</source>
        <translation>Aún faltan ({count})</translation>
    </message>
    <message>
        <source>Nothing missing</source>
        <translation>No falta nada</translation>
    </message>
    <message>
        <source>Click or press Enter to go to this question</source>
        <translation>Haga clic o pulse Intro para ir a esta pregunta</translation>
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
    <name>SelfIntake</name>
    <message>
        <source>There is no location with the code {code}.</source>
        <translation>No hay ninguna sede con el código {code}.</translation>
    </message>
    <message>
        <source>There is no location to send the alert to.</source>
        <translation>No hay ninguna sede a la que enviar la alerta.</translation>
    </message>
    <message>
        <source>The tablet keeps answers only for an identified patient.</source>
        <translation>La tableta guarda respuestas solo de un paciente identificado.</translation>
    </message>
    <message>
        <source>Only an emergency or refer screening is sent to the desk.</source>
        <translation>Solo una evaluación de riesgos de emergencia o de derivación se envía a la recepción.</translation>
    </message>
    <message>
        <source>There is no location with id {id}.</source>
        <translation>No hay ninguna sede con el id {id}.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The waiting-room tablet signs in with a tablet account. An admin makes one under Admin → Accounts (role: Waiting-room tablet).</source>
        <translation>La tableta de la sala de espera inicia sesión con una cuenta de tableta. Un administrador la crea en Administración → Cuentas (rol: Tableta de la sala de espera).</translation>
    </message>
    <message>
        <source>A tablet account signs in only on the waiting-room tablet (intake kiosk). Sign in with your own staff account.</source>
        <translation>Una cuenta de tableta solo inicia sesión en la tableta de la sala de espera (intake kiosk). Inicie sesión con su propia cuenta de personal.</translation>
    </message>
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
        <source>Checking once the database is open…</source>
        <translation>Se comprobará en cuanto la base de datos esté abierta…</translation>
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
    <name>SlotSearch</name>
    <message>
        <source>Search between 1 and {most} days, not {days}.</source>
        <translation>Busque entre 1 y {most} días, no {days}.</translation>
    </message>
    <message>
        <source>{day} is outside the dates the program books.</source>
        <translation>{day} está fuera de las fechas en que el programa puede programar citas.</translation>
    </message>
    <message>
        <source>Ask for 1 to 500 slots, not {limit}.</source>
        <translation>Pida de 1 a 500 horarios, no {limit}.</translation>
    </message>
    <message>
        <source>Weekdays are 0 (Monday) to 6 (Sunday), not {bad}.</source>
        <translation>Los días de la semana van de 0 (lunes) a 6 (domingo), no {bad}.</translation>
    </message>
    <message>
        <source>There is no therapist with id {number}.</source>
        <translation>No existe ningún terapeuta con el id {number}.</translation>
    </message>
    <message>
        <source>Unknown location code: {codes}.</source>
        <translation>Código de sede desconocido: {codes}.</translation>
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
    <name>Staffing</name>
    <message>
        <source>There is no therapist number {number}.</source>
        <translation>No hay ningún terapeuta número {number}.</translation>
    </message>
    <message>
        <source>{location} ({code}) still has weekly templates of this therapist; end or remove them first.</source>
        <translation>{location} ({code}) todavía tiene horarios semanales de este terapeuta; termínelos o quítelos primero.</translation>
    </message>
    <message>
        <source>{name} is no longer active.</source>
        <translation>{name} ya no está activo.</translation>
    </message>
    <message>
        <source>{location} is no longer in use.</source>
        <translation>{location} ya no está en uso.</translation>
    </message>
    <message>
        <source>{name} is not assigned to work at {location}.</source>
        <translation>{name} no está asignado para trabajar en {location}.</translation>
    </message>
    <message>
        <source>A template cannot move to another therapist; add a new one.</source>
        <translation>Un horario no puede pasar a otro terapeuta; agregue uno nuevo.</translation>
    </message>
    <message>
        <source>There is no weekly template number {number}.</source>
        <translation>No hay ningún horario semanal número {number}.</translation>
    </message>
    <message>
        <source>There is no time off number {number} (it may have been removed).</source>
        <translation>No hay ninguna ausencia número {number} (puede que se haya eliminado).</translation>
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
        <translation>Contraseña…</translation>
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
    <name>TabletHandover</name>
    <message>
        <source>Start self-intake on tablet</source>
        <translation>Iniciar autoadmisión en la tableta</translation>
    </message>
    <message>
        <source>Hand the tablet to {name}? It shows their first name and last initial, and they answer without typing their name and date of birth.</source>
        <translation>¿Entregar la tableta a {name}? Muestra su nombre y la inicial del apellido, y responde sin escribir su nombre ni su fecha de nacimiento.</translation>
    </message>
    <message>
        <source>Which location&apos;s tablet</source>
        <translation>La tableta de qué sede</translation>
    </message>
    <message>
        <source>Any tablet</source>
        <translation>Cualquier tableta</translation>
    </message>
    <message>
        <source>&amp;Which location&apos;s tablet:</source>
        <translation>&amp;Tableta de la sede:</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>&amp;Entregar</translation>
    </message>
    <message>
        <source>Hand the chosen location&apos;s tablet to this patient</source>
        <translation>Entregar la tableta de la sede elegida a este paciente</translation>
    </message>
</context>
<context>
    <name>TherapistsTab</name>
    <message>
        <source>Therapists</source>
        <translation>Fisioterapeutas</translation>
    </message>
    <message>
        <source>New therapist</source>
        <translation>Nuevo fisioterapeuta</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Fisioterapeuta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Títulos</translation>
    </message>
    <message>
        <source>On the schedule</source>
        <translation>En la agenda</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Works at</source>
        <translation>Trabaja en</translation>
    </message>
    <message>
        <source>Save therapist</source>
        <translation>Guardar fisioterapeuta</translation>
    </message>
    <message>
        <source>Weekly hours (location&apos;s local time)</source>
        <translation>Horario semanal (hora local de la sede)</translation>
    </message>
    <message>
        <source>Weekly hours of this therapist</source>
        <translation>Horario semanal de este fisioterapeuta</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Día de la semana</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Starting on</source>
        <translation>A partir del</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Sin fecha de fin</translation>
    </message>
    <message>
        <source>Open-ended</source>
        <translation>Sin fin</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Add weekly hours</source>
        <translation>Añadir horario semanal</translation>
    </message>
    <message>
        <source>Remove weekly hours</source>
        <translation>Quitar horario semanal</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Ausencias</translation>
    </message>
    <message>
        <source>Time off of this therapist</source>
        <translation>Ausencias de este fisioterapeuta</translation>
    </message>
    <message>
        <source>Away from</source>
        <translation>Ausente desde</translation>
    </message>
    <message>
        <source>Back at</source>
        <translation>De vuelta el</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Add time off</source>
        <translation>Añadir ausencia</translation>
    </message>
    <message>
        <source>Remove time off</source>
        <translation>Quitar ausencia</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation> (inactivo)</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sin fin</translation>
    </message>
    <message>
        <source>{day} {hours} at {location} ({first} – {last})</source>
        <translation>{day} {hours} en {location} ({first} – {last})</translation>
    </message>
    <message>
        <source>{name} saved.</source>
        <translation>{name} guardado.</translation>
    </message>
    <message>
        <source>Add a location first.</source>
        <translation>Primero añada una sede.</translation>
    </message>
    <message>
        <source>Choose the weekly hours to remove first.</source>
        <translation>Primero elija el horario semanal que quiere quitar.</translation>
    </message>
    <message>
        <source>Choose the time off to remove first.</source>
        <translation>Primero elija la ausencia que quiere quitar.</translation>
    </message>
    <message>
        <source>Schedule saved.</source>
        <translation>Horario guardado.</translation>
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
    <name>VisitRules</name>
    <message>
        <source>A visit can be marked as a no-show only from its start time ({start:%a %d %b %H:%M %Z}).</source>
        <translation>Una cita solo puede marcarse como no presentada a partir de su hora de inicio ({start:%a %d %b %H:%M %Z}).</translation>
    </message>
    <message>
        <source>A no-show can be undone only on the visit&apos;s own day ({day:%a %d %b}).</source>
        <translation>Un no presentado solo puede deshacerse el mismo día de la cita ({day:%a %d %b}).</translation>
    </message>
</context>
<context>
    <name>VisitStatus</name>
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
    <name>WaitlistEntries</name>
    <message>
        <source>Say why the patient leaves the waitlist.</source>
        <translation>Indique por qué el paciente sale de la lista de espera.</translation>
    </message>
    <message>
        <source>Keep the reason under {limit} characters.</source>
        <translation>El motivo debe tener menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>There is no waitlist entry {number} for this patient.</source>
        <translation>Este paciente no tiene la entrada {number} en la lista de espera.</translation>
    </message>
    <message>
        <source>{type} needs the patient&apos;s screened intake first.</source>
        <translation>{type} necesita primero la admisión evaluada del paciente.</translation>
    </message>
    <message>
        <source>There is no intake {number} for this patient.</source>
        <translation>Este paciente no tiene la admisión {number}.</translation>
    </message>
    <message>
        <source>Weekdays are 0 (Monday) to 6 (Sunday), not {bad}.</source>
        <translation>Los días de la semana van de 0 (lunes) a 6 (domingo), no {bad}.</translation>
    </message>
    <message>
        <source>Keep the note under {limit} characters.</source>
        <translation>La nota debe tener menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>There is no waitlist entry {number}.</source>
        <translation>No existe la entrada {number} en la lista de espera.</translation>
    </message>
    <message>
        <source>Someone else changed this waitlist entry; it is shown as it is now.</source>
        <translation>Otra persona cambió esta entrada de la lista de espera; se muestra tal como está ahora.</translation>
    </message>
    <message>
        <source>That waitlist entry is already {status}.</source>
        <translation>Esa entrada de la lista de espera ya está {status}.</translation>
    </message>
</context>
<context>
    <name>WaitlistStatus</name>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>ofrecida</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>cerrada con una cita</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retirada</translation>
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
    <name>_ConfirmMerge</name>
    <message>
        <source>Confirm the merge</source>
        <translation>Confirmar la fusión</translation>
    </message>
    <message>
        <source>Merge now</source>
        <translation>Fusionar ahora</translation>
    </message>
    <message>
        <source>Merge the two records</source>
        <translation>Fusionar los dos expedientes</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Do not merge yet</source>
        <translation>No fusionar todavía</translation>
    </message>
</context>
</TS>

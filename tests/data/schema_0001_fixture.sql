-- A clinic database as hiptrack 0.1 (schema 0001) left it: two clinicians, two patients, body
-- masses, a completed visit with strength tests and trials, audit events and a setting.
-- Loaded after `upgrade 0001` on SQLite and PostgreSQL, then upgraded to head by the tests.
INSERT INTO clinicians (id, username, display_name, pin_hash, is_active, created_at) VALUES
 (1, 'alee', 'A. Lee, PT', NULL, TRUE, '2026-01-05 09:00:00'),
 (2, 'bmoss', 'B. Moss, PT', NULL, TRUE, '2026-01-05 09:00:00');
INSERT INTO patients (id, chart_number, last_name, first_name, date_of_birth, sex, height_m, dominant_leg,
  involved_side, notes, archived, archived_at, created_at, updated_at, version) VALUES
 (1, 'C-1001', 'Fixture', 'Alice', '1980-04-02', 'female', 1.68, 'right', 'left', 'LBP 6 months', FALSE, NULL,
  '2026-01-05 09:10:00', '2026-01-05 09:10:00', 1),
 (2, 'C-1002', 'Fixture', 'Bruno', '1971-11-30', 'male', 1.82, 'left', NULL, '', TRUE, '2026-03-01 10:00:00',
  '2026-01-06 09:10:00', '2026-03-01 10:00:00', 2);
INSERT INTO visits (id, patient_id, clinician_id, visit_date, status, battery_code, notes, started_at, completed_at) VALUES
 (1, 1, 1, '2026-01-05', 'completed', 'standard_hip', '', '2026-01-05 09:15:00', '2026-01-05 09:45:00');
INSERT INTO body_mass_measurements (id, patient_id, visit_id, measured_on, mass_kg, voided, recorded_by, recorded_at) VALUES
 (1, 1, 1, '2026-01-05', 70.0, FALSE, 1, '2026-01-05 09:15:00');
INSERT INTO strength_tests (id, visit_id, muscle, action, side, position, method, lever_arm_m, fixation,
  device_protocol, device_model, device_serial, device_firmware, context, voided, created_at) VALUES
 (1, 1, 'gluteus_medius', 'hip_abduction', 'left', 'hip_abd_sidelying_short', 'make', 0.35, 'hand',
  NULL, NULL, NULL, NULL, '{}', FALSE, '2026-01-05 09:20:00'),
 (2, 1, 'gluteus_medius', 'hip_abduction', 'right', 'hip_abd_sidelying_short', 'make', 0.35, 'hand',
  NULL, NULL, NULL, NULL, '{}', FALSE, '2026-01-05 09:22:00');
INSERT INTO trials (id, test_id, trial_number, entry, peak_force_n, reported_value, reported_unit, accepted,
  reject_reason, overload, time_to_peak_s, rfd_100_n_per_s, rfd_200_n_per_s, impulse_n_s, trace,
  trace_sample_rate_hz, trace_sample_count, recorded_by, recorded_at) VALUES
 (1, 1, 1, 'manual', 200.0, 200.0, 'N', TRUE, NULL, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, '2026-01-05 09:20:30'),
 (2, 1, 2, 'manual', 210.0, 210.0, 'N', TRUE, NULL, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, '2026-01-05 09:21:00'),
 (3, 1, 3, 'manual', 150.0, 150.0, 'N', FALSE, 'pain', FALSE, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, '2026-01-05 09:21:30'),
 (4, 2, 1, 'manual', 180.0, 180.0, 'N', TRUE, NULL, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, '2026-01-05 09:22:30');
INSERT INTO audit_events (id, occurred_at, clinician_id, actor, workstation, action, entity, entity_id, patient_id, changes) VALUES
 (1, '2026-01-05 09:10:00', 1, 'A. Lee, PT', 'room-1', 'create', 'patients', 1, 1, '{}');
INSERT INTO settings (key, value, updated_at) VALUES ('cv_limit_pct', '12.5', '2026-01-05 09:00:00');

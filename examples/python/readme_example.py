import datetime, dxer
report = dxer.validate(open("examples/records/seed-004-style-defects.json", "rb").read(), lang="en")
for f in report:
    print(f.severity, f.code, f.pointer, "-", f.message)
print(dxer.Calendar().add(datetime.date(2026, 5, 6), working_days=30))  # 2026-06-24

export function StorekeeperPaymentsPage() {
  return null;
}

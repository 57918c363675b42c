/** One item of a list the user keeps, as the api hands it to the window. */
export interface ListItem {
  id: string;
  values: Record<string, unknown>;
  /** Where the item stands in an ordered list (fractional key); null in lists ordered by name. */
  orderKey: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

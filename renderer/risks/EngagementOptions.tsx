/** An engagement as the risk pickers list it. */
export type EngagementOption = { id: string; title: string; customerName: string };

/** One `<option>` per engagement, labelled "title — customer" alike in every risk picker. */
export function EngagementOptions({ engagements }: { engagements: readonly EngagementOption[] }) {
  return (
    <>
      {engagements.map((e) => (
        <option key={e.id} value={e.id}>
          {e.title} — {e.customerName}
        </option>
      ))}
    </>
  );
}

/** Sets the printed page to the document's true size, with no margins of the browser's own. */
export function PageSize({ widthMm, heightMm }: { widthMm: number; heightMm: number }) {
  return <style>{`@page { size: ${widthMm}mm ${heightMm}mm; margin: 0; }`}</style>;
}

import { ean13CheckDigit } from '../../domain/print/ean13';

/**
 * The products every template is proven with: long Dutch names (one of them a single long word),
 * prices from € 0,99 to € 12.499,00, and contents that need a unit price (per kg, l, m) next to
 * goods sold per piece. EANs are valid and all different, so a decoded code names its label.
 */
export interface ProofProduct {
  sku: string;
  ean: string;
  name: string;
  price: string;
  content: string;
  unit: string;
  brand: string;
}

const rows: [name: string, price: string, content: string, unit: string, brand: string][] = [
  ['Biologische volle Griekse yoghurt met bloemenhoning en geroosterde walnoten', '0,99', '150', 'g', 'De Zuivelhoeve'],
  ['Ambachtelijke boerenkaas belegen met komijn, 48+ uit de Krimpenerwaard', '12.499,00', '12', 'kg', 'Kaasboerderij Van der Heijden'],
  ['Fietsband Schwalbe Marathon Plus 28 x 1,75 inch met reflectiestrook', '54,95', '', 'st', 'Schwalbe'],
  ['Arbeidsongeschiktheidsverzekeringsvoorwaardenboekje', '7,50', '', 'st', 'Uitgeverij Kluwer'],
  ['Onderhoudsset voor elektrische fietsen met kettingolie, ontvetter en poetsdoeken', '1.299,00', '750', 'ml', 'Dr. Wack'],
  ['Zonnebloemolie', '3,49', '1,5', 'l', 'Remia'],
  ['Koffiebonen espresso donker gebrand, direct van de branderij', '9,95', '500', 'g', 'Dappere Boon'],
  ['Verlengkabel rubber H07RN-F 3 x 2,5 mm² per meter van de rol', '4,25', '1', 'm', 'Rubbermaster'],
  ['Hagelslag puur', '2,79', '400', 'g', 'De Ruijter'],
  ['Tuinslang anti-knik met koppelingen en sproeipistool', '39,99', '25', 'm', 'Gardena'],
  ['Elektrische bakfiets met middenmotor, achttraps naaf en regenhuif voor drie kinderen', '4.999,95', '', 'st', 'Urban Arrow'],
  ['Appelsap troebel van Elstar en Jonagold uit de Betuwe', '2,49', '75', 'cl', 'Schulp'],
  ['Drop', '0,99', '100', 'g', 'Venco'],
  ['Stroopwafels met echte roomboter, ambachtelijk gebakken in Gouda', '3,95', '250', 'g', 'Kamphuisen'],
  ['Fietsverlichtingsset led oplaadbaar via usb-c met houder', '129,00', '', 'st', 'Axa'],
  ['Pindakaas met stukjes pinda, zonder toegevoegd zout en suiker', '4,39', '350', 'g', 'Calvé'],
  ['Kettingslot ART-2 gekeurd, 110 cm lang, inclusief twee sleutels', '89,00', '', 'st', 'Abus'],
  ['Vloeibaar wasmiddel voor witte en lichte was, geconcentreerd', '12,99', '2,5', 'l', 'Robijn'],
  ['Goudse jonge kaas in plakken', '2.349,50', '1', 'kg', 'Beemster'],
  ['Bloemkool', '1,79', '', 'st', 'Hollandse Teelt'],
];

export const proofProducts: ProofProduct[] = rows.map(([name, price, content, unit, brand], index) => {
  const first12 = `87${String(1_234_500_000 + index * 7919).padStart(10, '0')}`;
  return { sku: `ART-${String(index + 1).padStart(5, '0')}`, ean: `${first12}${ean13CheckDigit(first12)}`, name, price, content, unit, brand };
});

export const proofCsv = ['sku;ean;name;price;content;unit;brand', ...proofProducts.map((p) => [p.sku, p.ean, p.name, p.price, p.content, p.unit, p.brand].join(';'))].join('\n');

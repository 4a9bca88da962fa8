export interface FontStyle {
  name: string | null;
  bold: boolean;
  italic: boolean;
}

/** Weight and slant from a font's PostScript name ("BAAAAA+OpenSans-Bold" → bold). */
export function describeFont(name: string | null): FontStyle {
  const bare = name?.replace(/^[A-Z]{6}\+/, '') ?? null;
  return {
    name: bare,
    bold: bare !== null && /bold|black|heavy|semibold|demi|extrab|ultrab|[-,](?:sb|b|bd|bl)$/i.test(bare),
    italic: bare !== null && /italic|oblique|[-,](?:it|i|bi|boldit)$/i.test(bare),
  };
}

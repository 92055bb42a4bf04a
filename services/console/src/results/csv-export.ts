// Saving the indicators as a CSV file: fetched with the user's token (a plain link could not
// send it), then handed to the browser as a download.
import type { GatewayClient } from '../gateway/gateway-client.ts';

export async function saveIndicatorsCsv(
  gateway: GatewayClient,
  today: Date = new Date(),
): Promise<string> {
  const { blob, fileName } = await gateway.download('/indicators.csv');
  const name = fileName ?? `cttech-indicators-${today.toISOString().slice(0, 10)}.csv`;
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // the click has started the download; the address is no longer needed
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}

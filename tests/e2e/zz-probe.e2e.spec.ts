import { describe, it } from '@jest/globals';
import { RecordOfferDeliveredDto, ledgerValidationPipe } from '#ledger';

describe('probe', () => {
  it('probes', async () => {
    const pipe = ledgerValidationPipe();
    for (const depth of [10, 100, 1000, 2000, 5000]) {
      const body = JSON.parse('{"deliveryId":"d","occurredAt":"2019-06-01","offerCode":"be-a-councillor","participants":1,"x":' + '['.repeat(depth) + ']'.repeat(depth) + '}');
      try {
        await pipe.transform(body, { type: 'body', metatype: RecordOfferDeliveredDto });
        console.log(depth, 'ok');
      } catch (e) {
        console.log(depth, (e as Error).constructor.name, (e as Error).message.slice(0, 200), (e as Error).stack?.split('\n').slice(0, 8).join('\n'));
      }
      const objBody = JSON.parse('{"deliveryId":"d","occurredAt":"2019-06-01","offerCode":"be-a-councillor","participants":1,"x":' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) + '}');
      try {
        await pipe.transform(objBody, { type: 'body', metatype: RecordOfferDeliveredDto });
        console.log('obj', depth, 'ok');
      } catch (e) {
        console.log('obj', depth, (e as Error).constructor.name, (e as Error).message.slice(0, 200), (e as Error).stack?.split('\n').slice(0, 8).join('\n'));
      }
    }
  });
});

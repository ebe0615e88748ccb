// Signs what the webhook tests send, with the providers' own libraries (never
// our code): reads one JSON request on stdin, prints the signature.
//   {"provider":"twilio","authToken":…,"url":…,"params":{…}}
//   {"provider":"standard","secret":"whsec_…","id":…,"timestamp":<epoch s>,"body":…}
//   {"provider":"meta","appSecret":…,"body":…}   (HMAC-SHA256 as Meta documents it, by node's crypto)
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import twilio from 'twilio';
import { Webhook } from 'standardwebhooks';

const request = JSON.parse(readFileSync(0, 'utf8'));
switch (request.provider) {
case 'twilio':
    process.stdout.write(twilio.getExpectedTwilioSignature(request.authToken, request.url, request.params));
    break;
case 'standard':
    process.stdout.write(new Webhook(request.secret).sign(request.id, new Date(request.timestamp * 1000), request.body));
    break;
case 'meta':
    process.stdout.write('sha256=' + createHmac('sha256', request.appSecret).update(request.body).digest('hex'));
    break;
default:
    process.stderr.write(`unknown provider ${request.provider}\n`);
    process.exit(2);
}
